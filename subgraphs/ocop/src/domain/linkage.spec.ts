import { communesWithKeyProductLinkage, LinkageFacts, ProposedLinkageProject, projectsWithDigitalZone, validateLinkageProject } from './linkage';

const TODAY = '2026-12-01';
const project = (over: Partial<ProposedLinkageProject> = {}): ProposedLinkageProject => ({
  name: 'Liên kết sản xuất, tiêu thụ cam Vinh',
  leadRef: 'HTX-1',
  participants: [
    { kind: 'COOPERATIVE', ref: 'HTX-1', role: 'LEAD' },
    { kind: 'ENTERPRISE', ref: 'DN-2', role: 'BUYER' },
  ],
  keyProduct: 'Cam Vinh',
  communeCodes: ['17380', '17383'],
  rawMaterialZone: { areaHa: 120.5, growingAreaCodes: ['VT-40-001'] },
  startDate: '2025-01-01',
  endDate: '2027-12-31',
  contractRefs: ['HĐ 01/2025'],
  digitalTechnologies: ['TRACEABILITY'],
  supportItems: [{ kind: 'CONSULTANCY', sharePercent: 100, capVnd: 300_000_000n, amountVnd: 250_000_000n }],
  approvalDecisionNumber: '606/QĐ-UBND',
  approvalDecisionDate: '2024-12-20',
  ...over,
});
const fields = (p: ProposedLinkageProject) => validateLinkageProject(p, TODAY).map((x) => x.field);

describe('validateLinkageProject', () => {
  it('accepts a valid project', () => expect(validateLinkageProject(project(), TODAY)).toEqual([]));
  it('checks dates', () => {
    expect(fields(project({ endDate: '2024-12-31' }))).toEqual(['endDate']);
    expect(fields(project({ approvalDecisionDate: '2027-01-01' }))).toEqual(['approvalDecisionDate']);
    expect(fields(project({ approvalDecisionNumber: null }))).toEqual(['approvalDecisionDate']);
  });
  it('checks roles: one lead, matching leadRef, who may lead, no duplicates', () => {
    expect(fields(project({ leadRef: 'DN-2' }))).toEqual(['leadRef']);
    expect(
      fields(
        project({
          participants: [
            { kind: 'HOUSEHOLD', ref: 'H', role: 'LEAD' },
            { kind: 'ENTERPRISE', ref: 'DN-2', role: 'BUYER' },
          ],
          leadRef: 'H',
        }),
      ),
    ).toEqual(['participants[0].kind']);
    expect(
      fields(
        project({
          participants: [
            { kind: 'COOPERATIVE', ref: 'HTX-1', role: 'LEAD' },
            { kind: 'COOPERATIVE', ref: 'HTX-1', role: 'PRODUCER' },
          ],
        }),
      ),
    ).toEqual(['participants[1]']);
    expect(
      fields(
        project({
          participants: [
            { kind: 'COOPERATIVE', ref: 'HTX-1', role: 'PRODUCER' },
            { kind: 'ENTERPRISE', ref: 'DN-2', role: 'BUYER' },
          ],
        }),
      ),
    ).toEqual(['participants']);
  });
  it('checks support items: share, bigint VND, amount ≤ cap, caps of Decree 98', () => {
    const item = (o: object) =>
      project({ supportItems: [{ kind: 'INFRASTRUCTURE', sharePercent: 30, capVnd: 10_000_000_000n, amountVnd: 1n, ...o }] });
    expect(fields(item({}))).toEqual([]);
    expect(fields(item({ sharePercent: 31 }))).toEqual(['supportItems[0].sharePercent']);
    expect(fields(item({ sharePercent: 101 }))).toEqual(['supportItems[0].sharePercent']);
    expect(fields(item({ capVnd: 10_000_000_001n, amountVnd: 1n }))).toEqual(['supportItems[0].capVnd']);
    expect(fields(item({ capVnd: 5n, amountVnd: 6n }))).toEqual(['supportItems[0].amountVnd']);
    expect(fields(item({ amountVnd: 1.5 as unknown as bigint }))).toEqual(['supportItems[0].amountVnd']);
    expect(fields(item({ kind: 'GIFT' }))).toEqual(['supportItems[0].kind']);
  });
  it('checks the raw-material zone and technologies', () => {
    expect(fields(project({ rawMaterialZone: { areaHa: 0, growingAreaCodes: ['A', 'A'] } }))).toEqual([
      'rawMaterialZone.areaHa',
      'rawMaterialZone.growingAreaCodes',
    ]);
    expect(fields(project({ digitalTechnologies: ['BLOCKCHAIN'] }))).toEqual(['digitalTechnologies[0]']);
    expect(fields(project({ communeCodes: [] }))).toEqual(['communeCodes']);
  });
});

describe('plan-target shares', () => {
  const p = (id: number, o: Partial<LinkageFacts>): LinkageFacts => ({
    id,
    keyProduct: true,
    startDate: '2025-01-01',
    endDate: null,
    cooperativeIds: [],
    hasRawMaterialZone: false,
    digitalTechnologies: [],
    ...o,
  });
  const coops = [
    { id: 1, communeId: 'A', status: 'ACTIVE' },
    { id: 2, communeId: 'B', status: 'DISSOLVED' },
    { id: 3, communeId: 'C', status: 'ACTIVE' },
    { id: 4, communeId: 'Z', status: 'ACTIVE' },
  ];
  const projects = [
    p(1, { cooperativeIds: [1, 2, 4], hasRawMaterialZone: true, digitalTechnologies: ['E_COMMERCE'] }),
    p(2, { cooperativeIds: [3], keyProduct: false, hasRawMaterialZone: true }),
    p(3, { cooperativeIds: [3], endDate: '2025-06-30' }),
  ];
  it('counts area communes with a non-dissolved cooperative in a running key-product linkage', () => {
    expect(communesWithKeyProductLinkage(['A', 'B', 'C', 'D'], coops, projects, '2026-01-01')).toEqual({ numerator: 1, denominator: 4, share: 0.25 });
    expect(communesWithKeyProductLinkage(['A', 'B', 'C', 'D'], coops, projects, '2025-03-01').numerator).toBe(2);
    expect(communesWithKeyProductLinkage([], coops, projects, '2026-01-01').share).toBeNull();
  });
  it('counts running projects with a zone using digital technology', () => {
    expect(projectsWithDigitalZone(projects, '2026-01-01')).toEqual({ numerator: 1, denominator: 2, share: 0.5 });
  });
});
