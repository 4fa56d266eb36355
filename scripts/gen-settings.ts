// Writes the rule settings of package.json and their texts in package.nls*.json from the
// rules' metadata (server/src/rules/manifest.ts). Run by `npm run gen:settings`.
import { readFileSync, writeFileSync } from 'node:fs';
import { ruleSettingsManifest, withRuleSettings, withRuleTexts } from '../server/src/rules/manifest.js';

const m = ruleSettingsManifest();
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes.configuration.properties = withRuleSettings(pkg.contributes.configuration.properties, m);
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
for (const [file, texts] of [['package.nls.json', m.nls.en], ['package.nls.da.json', m.nls.da]] as const) {
  const nls = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify(withRuleTexts(nls, texts), null, 2) + '\n');
}
