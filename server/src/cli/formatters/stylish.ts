/** The familiar linter output: a header per file, one line per finding, a summary. */
import type { Formatter } from './types.js';

const c = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

const WORDS = {
  da: { error: 'fejl', warning: 'advarsel', info: 'info', problems: 'problemer', problem: 'problem', errors: 'fejl', warnings: 'advarsler', infos: 'info', fixable: 'kan rettes med --fix', fixed: 'rettet' },
  en: { error: 'error', warning: 'warning', info: 'info', problems: 'problems', problem: 'problem', errors: 'errors', warnings: 'warnings', infos: 'info', fixable: 'fixable with --fix', fixed: 'fixed' },
} as const;

export const stylish: Formatter = (results, ctx) => {
  const w = WORDS[ctx.lang];
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  let fixed = 0;
  for (const r of results) {
    fixed += r.fixed ?? 0;
    if (r.findings.length === 0) continue;
    out.push('', c(ctx.color, '4', r.displayPath));
    const rows = r.findings.map((f) => {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      if (f.fix) fixable++;
      const sev = f.severity === 'error' ? c(ctx.color, '31', w.error) : f.severity === 'warning' ? c(ctx.color, '33', w.warning) : c(ctx.color, '36', w.info);
      return [`${f.range.start.line + 1}:${f.range.start.character + 1}`, sev, f.message[ctx.lang].replace(/\s*\n\s*/g, ' '), c(ctx.color, '2', f.ruleId)];
    });
    const pos = rows.reduce((m, x) => Math.max(m, x[0]!.length), 0);
    const sevW = rows.reduce((m, x) => Math.max(m, x[1]!.replace(/\x1b\[[0-9;]*m/g, '').length), 0);
    for (const [p, s, m, id] of rows) {
      const pad = sevW - s!.replace(/\x1b\[[0-9;]*m/g, '').length;
      out.push(`  ${p!.padEnd(pos)}  ${s}${' '.repeat(pad)}  ${m}  ${id}`);
    }
  }
  const total = errors + warnings + infos;
  if (total > 0) {
    out.push('');
    const parts = [`${errors} ${errors === 1 ? w.error : w.errors}`, `${warnings} ${warnings === 1 ? w.warning : w.warnings}`, ...(infos ? [`${infos} ${w.infos}`] : [])];
    const summary = `${errors || warnings ? '✖' : 'ℹ'} ${total} ${total === 1 ? w.problem : w.problems} (${parts.join(', ')})`;
    out.push(c(ctx.color, errors ? '31;1' : warnings ? '33;1' : '36;1', summary));
    if (fixable) out.push(c(ctx.color, '2', `  ${fixable} ${w.fixable}`));
  }
  if (fixed) out.push(`${fixed} ${w.fixed}`);
  return out.length ? out.join('\n') + '\n' : '';
};
