import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderLineageReport } from '../domain/lineage-report';
import { computeLineage, LINEAGE_REPORT } from './lineage-inputs';

/** `npm run lineage:report -w @ntm/admin-units`: rewrites reports/lineage-report.md. */
const { result, oldUnits } = computeLineage();
mkdirSync(path.dirname(LINEAGE_REPORT), { recursive: true });
writeFileSync(LINEAGE_REPORT, renderLineageReport(result, oldUnits));
console.log(
  `wrote ${path.relative(process.cwd(), LINEAGE_REPORT)}: ${result.stats.resolved} of ${result.stats.fragments} fragments resolved, ${result.stats.unresolved} reported`,
);
