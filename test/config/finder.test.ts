/**
 * One configuration walk for the CLI and the editor (issue 17): `ConfigFinder` over one
 * asynchronous file-system interface, on paths (the CLI) and on URIs with workspace roots
 * (the language service), nearest file first, never above a root, broken files reported.
 */
import { describe, expect, it } from 'vitest';
import { ConfigFinder } from '../../server/src/config/discover.js';
import { ConfigError } from '../../server/src/config/resolve.js';

const fsOf = (files: Record<string, string>) => {
  const read: string[] = [];
  return { read, fs: { readFile: async (p: string) => (read.push(p), files[p]) } };
};

describe('ConfigFinder', () => {
  it('finds the nearest .referatrc.json on paths, reading each folder once', async () => {
    const { fs, read } = fsOf({ '/arkiv/.referatrc.json': '{"profile":"sonderborg"}', '/arkiv/a/b/.referatrc.json': '{"rules":{"quorum":"off"}}' });
    const finder = new ConfigFinder(fs);
    expect((await finder.configFor('/arkiv/a/b/m.referat')).file).toBe('/arkiv/a/b/.referatrc.json');
    const up = await finder.configFor('/arkiv/a/m.referat');
    expect(up.file).toBe('/arkiv/.referatrc.json');
    expect(up.config.profile.name).toBe('sonderborg');
    await finder.configFor('/arkiv/a/other.referat');
    expect(read.filter((p) => p === '/arkiv/a/.referatrc.json')).toHaveLength(1);
  });

  it('walks URIs and stops at the workspace root', async () => {
    const { fs, read } = fsOf({ 'file:///.referatrc.json': '{"profile":"sonderborg"}' });
    const finder = new ConfigFinder(fs, {}, { roots: ['file:///ws'] });
    const found = await finder.configFor('file:///ws/udvalg/m.referat');
    expect(found.file).toBeUndefined();
    expect(found.config.profile.name).toBe('randers');
    expect(read).toEqual(['file:///ws/udvalg/.referatrc.json', 'file:///ws/.referatrc.json']);
  });

  it('ends at a URI scheme without reading outside the file system', async () => {
    const { fs, read } = fsOf({});
    await new ConfigFinder(fs).configFor('file:///m.referat');
    expect(read).toEqual(['file:///.referatrc.json']);
  });

  it('rejects with the file and the problem for a broken file, and for a missing explicit one', async () => {
    const { fs } = fsOf({ '/a/.referatrc.json': '{"profile": 3}' });
    await expect(new ConfigFinder(fs).configFor('/a/m.referat')).rejects.toThrow(/\/a\/\.referatrc\.json/);
    await expect(new ConfigFinder(fs, {}, { explicitFile: '/x.json' }).configFor('/a/m.referat')).rejects.toBeInstanceOf(ConfigError);
  });
});
