import { connectGraph, tokenFor } from './testkit/graph';

/**
 * The modern NTM commune pilot (xã nông thôn mới hiện đại, 2026–2030; Decision 51/2025/QĐ-TTg Art. 1.1.b,
 * Appendix II, which could not be read): the pilot kind MODERN_NTM_COMMUNE, its eligibility from criteria's
 * recognition decisions under COMMUNE_NTM_2026_2030 (fact NTM_2026_2030, through @requires), and APPENDIX_II
 * always NO_DATA so no commune is eligible on guesses. Nghệ An (40) units of today's list only.
 */
const graph = connectGraph();
const NEW_SET = 'COMMUNE_NTM_2026_2030';
const RULE_SET = 'COMMUNE_MODERN_PILOT_ELIGIBILITY_2026_2030';

interface Commune {
  code: string;
  kind: string;
  communeGroup: number | null;
  pilotFacts: { code: string; year: number }[];
}

const eligibility = (code: string, year: number) =>
  graph.ok(
    `query ($code: String!, $year: Int!) { adminUnit(code: $code) { id pilotFacts { code year } pilotEligibility(kind: MODERN_NTM_COMMUNE, year: $year) { eligible undetermined withinPhase ruleSet ruleSource note conditions { code status measurable reason source } } } }`,
    { code, year },
  );
const statusOf = (e: any, code: string) => e.conditions.find((c: any) => c.code === code)?.status;

let communes: Commune[] = [];
beforeAll(async () => {
  const data = await graph.ok(
    `{ adminUnits(filter: { level: COMMUNE, within: "40", asOf: "2025-07-01" }, first: 500) { edges { node { code kind communeGroup pilotFacts { code year } } } } }`,
  );
  // Rural communes (xã) without any recognition under the 2026–2030 set (the synthetic load generates some), last
  // codes first: criteria-2026.e2e.ts records a recognition for the first group-3 commune.
  communes = data.adminUnits.edges
    .map((e: { node: Commune }) => e.node)
    .filter((c: Commune) => c.kind === 'Xã' && !c.pilotFacts.some((f) => f.code === 'NTM_2026_2030'))
    .sort((a: Commune, b: Commune) => b.code.localeCompare(a.code));
});

describe('modern NTM commune pilot (Decision 51/2025/QĐ-TTg Appendix II)', () => {
  it('a commune recognised under COMMUNE_NTM_2026_2030 meets NTM_2026_2030, but APPENDIX_II stays NO_DATA: never eligible on guesses', async () => {
    expect(communes.length).toBeGreaterThan(2);
    const commune = communes[0];
    const before = (await eligibility(commune.code, 2026)).adminUnit;
    expect(before.pilotFacts.filter((f: any) => f.code === 'NTM_2026_2030')).toEqual([]);
    expect(statusOf(before.pilotEligibility, 'NTM_2026_2030')).not.toBe('MET');

    const approver = { auth: await tokenFor({ role: 'APPROVER', units: ['40'], sub: 'approver-modern-e2e' }) };
    await graph.ok(
      `mutation ($input: RecognitionInput!) { recordRecognitionDecision(input: $input) { id } }`,
      {
        input: {
          unitCode: commune.code,
          asOf: '2025-07-01',
          setCode: NEW_SET,
          decisionNumber: `modern-e2e-${commune.code}/QĐ-UBND`,
          decidedOn: '2026-03-10',
          authority: 'UBND tỉnh Nghệ An (test)',
        },
      },
      approver,
    );

    const after = (await eligibility(commune.code, 2026)).adminUnit;
    expect(after.pilotFacts).toContainEqual({ code: 'NTM_2026_2030', year: 2026 });
    const e = after.pilotEligibility;
    expect(e.conditions.map((c: any) => [c.code, c.status, c.measurable])).toEqual([
      ['NTM_2026_2030', 'MET', true],
      ['APPENDIX_II', 'NO_DATA', true],
    ]);
    expect(e).toMatchObject({ eligible: false, undetermined: true, withinPhase: true, ruleSet: RULE_SET });
    expect(e.ruleSource).toMatch(/51\/2025\/QĐ-TTg/);
    expect(e.conditions[0].source).toContain(`modern-e2e-${commune.code}/QĐ-UBND`);
    expect(e.conditions[1].reason).toBe('the conditions of Appendix II of Decision 51/2025/QĐ-TTg could not be read');

    // Before the decision's year the same commune is not recognised (criteria holds a fact on it): NOT_MET, not undetermined.
    const earlier = (await eligibility(commune.code, 2025)).adminUnit.pilotEligibility;
    expect(statusOf(earlier, 'NTM_2026_2030')).toBe('NOT_MET');
    expect(earlier).toMatchObject({ eligible: false, undetermined: false, withinPhase: false });
  });

  it('a commune without the recognition is not met as ADVANCED_NTM would be: NOT_MET when criteria holds facts on it, NO_DATA when none', async () => {
    // Prefer a commune criteria holds other facts on (then the absence of a decision is NOT_MET).
    const commune = communes.slice(1).find((c) => c.pilotFacts.length) ?? communes[1];
    const unit = (await eligibility(commune.code, 2026)).adminUnit;
    expect(unit.pilotFacts.some((f: any) => f.code === 'NTM_2026_2030')).toBe(false);
    const e = unit.pilotEligibility;
    // Same rule as ADVANCED_NTM (pilot-models domain/facts.ts): absence of a decision only counts when criteria knows the unit.
    expect(statusOf(e, 'NTM_2026_2030')).toBe(unit.pilotFacts.length ? 'NOT_MET' : 'NO_DATA');
    expect(statusOf(e, 'APPENDIX_II')).toBe('NO_DATA');
    expect(e.eligible).toBe(false);
    expect(e.undetermined).toBe(!unit.pilotFacts.length);
    // The smart-commune conditions of 2021–2025 are not those of the modern commune.
    expect(e.conditions.some((c: any) => c.code === 'ADVANCED_NTM')).toBe(false);
  });

  it('asking eligibility on a 2024 commune is refused naming kind', async () => {
    const res = await graph.query(
      `{ adminUnit(code: "17380", asOf: "2024-06-30") { pilotEligibility(kind: MODERN_NTM_COMMUNE, year: 2026) { eligible } } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(res.errors?.[0]?.message).toMatch(/list from 2025-07-01/);
  });

  it('creates a pilot of the kind only in a commune of today’s list: a 2024 unit is refused naming unitId', async () => {
    const editor = { auth: await tokenFor({ role: 'EDITOR', units: ['40'], sub: 'editor-modern-e2e' }) };
    const create = `mutation ($i: CreatePilotInput!) { createPilot(input: $i) { id kind status topicGroups unit { id } } }`;
    const count = async () => (await graph.ok(`{ pilotModels(filter: { kind: MODERN_NTM_COMMUNE }) { totalCount } }`)).pilotModels.totalCount;
    const none = await count();
    expect(none).toBe(0); // none generated: no source names a modern-commune pilot

    const old = await graph.query(create, { i: { kind: 'MODERN_NTM_COMMUNE', unitId: '17380@2025-03-01' } }, editor);
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(old.errors?.[0]?.message).toMatch(/list from 2025-07-01; 17380@2025-03-01 is on the list of 2025-03-01/);
    const topics = await graph.query(
      create,
      { i: { kind: 'MODERN_NTM_COMMUNE', unitId: `${communes[0].code}@2025-07-01`, topicGroups: ['E_GOVERNMENT'] } },
      editor,
    );
    expect(topics.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topicGroups' });
    expect(await count()).toBe(0);

    const made = await graph.query(create, { i: { kind: 'MODERN_NTM_COMMUNE', unitId: `${communes[0].code}@2025-07-01` } }, editor);
    expect(made.errors).toBeUndefined();
    expect(made.data.createPilot).toMatchObject({
      kind: 'MODERN_NTM_COMMUNE',
      status: 'PROPOSED',
      topicGroups: null,
      unit: { id: `${communes[0].code}@2025-07-01` },
    });
    expect(await count()).toBe(1);
  });
});
