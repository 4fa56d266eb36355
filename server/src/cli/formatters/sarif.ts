/** SARIF 2.1.0 with rule metadata and help links to the rule docs. */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Formatter } from './types.js';
import { ruleDocUrl } from './types.js';

export const sarif: Formatter = (results, ctx) => {
  const rules: ReportingDescriptor[] = [
    {
      id: 'syntax',
      name: 'Syntax',
      shortDescription: { text: ctx.lang === 'da' ? 'Teksten følger ikke referat-sproget.' : 'The text does not follow the referat markup.' },
      helpUri: ruleDocUrl('syntax', ctx.docsBase),
      defaultConfiguration: { level: 'error' },
    },
    ...ctx.rules.map(
      (meta): ReportingDescriptor => ({
        id: meta.id,
        name: meta.id.replace(/(^|-)(\w)/g, (_, _d: string, ch: string) => ch.toUpperCase()),
        shortDescription: { text: meta.description[ctx.lang] },
        fullDescription: { text: meta.description[ctx.lang] },
        helpUri: ruleDocUrl(meta.id, ctx.docsBase),
        help: { text: meta.description[ctx.lang], markdown: `[${meta.id}](${ruleDocUrl(meta.id, ctx.docsBase)})` },
        defaultConfiguration: { level: meta.defaultSeverity === 'info' ? 'note' : meta.defaultSeverity },
        properties: { tags: [...(meta.tags ?? [])], fixable: meta.fixable },
      }),
    ),
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const resultsOut: Result[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      resultsOut.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: f.severity === 'info' ? 'note' : f.severity,
        message: { text: f.message[ctx.lang] },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: r.displayPath.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'referat', version: ctx.version, informationUri: ctx.docsBase, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${ctx.cwd.replace(/\\/g, '/').replace(/\/?$/, '/')}` } },
        results: resultsOut,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
