/**
 * GitHub Actions workflow commands, so findings appear as annotations on the pull
 * request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`.
 */
import type { Formatter } from './types.js';

/** Escaping of a workflow command's data (the message). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escaping of a property value (file, title). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(r.displayPath)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(`referat(${f.ruleId})`)}`,
      ].join(',');
      lines.push(`::${level} ${props}::${escapeData(f.message[ctx.lang])}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
