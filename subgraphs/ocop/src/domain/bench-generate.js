/* eslint-disable */
// Throughput of the national-dataset generator in plain node (used by generate.spec.ts; also runnable:
// `node src/domain/bench-generate.js [scale]`). Compiles the TypeScript sources on the fly with the
// TypeScript compiler's transpileModule, so it needs no build. Prints one JSON line.
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
const { NationalDataset } = require('./generate.ts');
const { loadProductClasses } = require('../product-classes.ts');

const scale = Number(process.argv[2] ?? '0.5');
const communes = [];
let n = 100;
for (const p of ['01', '02', '40']) for (const d of ['1', '2']) for (let i = 0; i < 10; i++, n++) {
  communes.push({ id: `${n}@old`, code: String(n).padStart(5, '0'), provinceCode: p, districtCode: p + d, validFrom: '2025-03-01', validTo: '2025-06-30' });
}
for (const p of ['01', '40']) for (let i = 0; i < 12; i++, n++) {
  communes.push({ id: `${n}@new`, code: String(n).padStart(5, '0'), provinceCode: p, validFrom: '2025-07-01', validTo: null });
}
const tables = ['owners', 'cooperatives', 'products', 'ratings', 'listings', 'projects', 'projectParticipants', 'projectCommunes', 'supportItems'];
const warm = new NationalDataset(communes, loadProductClasses(), { scale: 0.05, seed: 1, today: '2026-12-01' });
for (const t of tables) for (const _ of warm[t]());
const d = new NationalDataset(communes, loadProductClasses(), { scale, seed: 3, today: '2026-12-01' });
const c0 = process.cpuUsage();
let rows = 0;
for (const t of tables) for (const _ of d[t]()) rows++;
const c = process.cpuUsage(c0);
const cpuSeconds = (c.user + c.system) / 1e6;
console.log(JSON.stringify({ scale, rows, cpuSeconds, rowsPerCpuSecond: rows / cpuSeconds }));
