/** `--scale <n>` (in (0, maxScale]) and `--provinces 40,42` of the load commands. */
export function readLoadArgs(argv: string[], maxScale: number): { scale: number; provinceCodes: string[] | null } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(value('--scale') ?? 1);
  if (!(scale > 0 && scale <= maxScale)) throw new Error(`--scale must be a number in (0, ${maxScale}], got ${value('--scale')}`);
  const provinces = value('--provinces');
  return { scale, provinceCodes: provinces ? provinces.split(',').map((p) => p.trim()) : null };
}
