/** A house-style profile learned from published minutes (loaded by `referat profile infer` and `import --profile auto`). */
import { parseConfig, resolveConfig, type ResolvedConfig } from '../../config/resolve.js';
import type { InferredProfile } from '../../infer/profile.js';

export { inferProfile } from '../../infer/profile.js';

/** A configuration with an inferred profile defined under its name and selected. */
export function withInferredProfile(base: ResolvedConfig, inferred: InferredProfile): ResolvedConfig {
  const own = resolveConfig(parseConfig(inferred.config));
  return { ...base, profile: own.profile, profiles: { ...base.profiles, [inferred.name]: own.profile } };
}
