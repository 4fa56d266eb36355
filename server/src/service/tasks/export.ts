/** One meeting exported, and the CPR guard of the public edition (loaded when something is exported). */
import type { ExportAnalysis } from '../../export/index.js';

export { analyzeForExport, exportReferat } from '../../export/index.js';
export { cprBlockers, cprPlaceLine } from '../../export/cpr-guard.js';
export { defaultConfig } from '../../config/resolve.js';

/** Whether an analysed text holds a meeting (a title or an item); one that holds none is not minutes. */
export function holdsMeeting(analysis: ExportAnalysis): boolean {
  return !!analysis.parse.ast.title || analysis.parse.ast.items.length > 0;
}
