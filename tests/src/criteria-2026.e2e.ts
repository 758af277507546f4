import { connectGraph, tokenFor } from './testkit/graph';

/**
 * The 2026–2030 national criteria (Decision 51/2025/QĐ-TTg): the commune set with thresholds by
 * commune group, commune groups owned by admin-units (generated, corrected by an ADMIN), the set
 * in force for each year, and province completion. Nghệ An (40) units only: other test files load
 * other provinces.
 */
const graph = connectGraph();
const NEW_SET = 'COMMUNE_NTM_2026_2030';
const OLD_SET = 'COMMUNE_NTM_2021_2025';
let admin = { auth: '' };
let editor = { auth: '' };
let approver = { auth: '' };
beforeAll(async () => {
  admin = { auth: await tokenFor({ role: 'ADMIN', units: [], sub: 'admin-2026-e2e' }) };
  editor = { auth: await tokenFor({ role: 'EDITOR', units: ['40'], sub: 'editor-2026-e2e' }) };
  approver = { auth: await tokenFor({ role: 'APPROVER', units: ['40'], sub: 'approver-2026-e2e' }) };
});

interface Unit {
  code: string;
  kind: string;
  communeGroup: number | null;
  communeGroupSource: string | null;
}

async function ngheAnCommunes(): Promise<Unit[]> {
  const data = await graph.ok(
    `{ adminUnits(filter: { level: COMMUNE, within: "40", asOf: "2025-07-01" }, first: 500) { edges { node { code kind communeGroup communeGroupSource } } } }`,
  );
  return data.adminUnits.edges.map((e: { node: Unit }) => e.node);
}

/** The threshold the roll-up applies to a unit that misses the indicator (its replica's group), or undefined when it meets it. */
let rolledUpThreshold: (code: string) => Promise<{ threshold: string } | undefined>;

/** Polls until `check` passes (the replicas of other subgraphs refresh every UNIT_PROFILE_REFRESH_SECONDS). */
async function eventually(check: () => Promise<void>, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('the 2026–2030 national criteria', () => {
  it('has the commune set of 10 criteria and 47 indicators, each with its source, thresholds by commune group', async () => {
    const data = await graph.ok(
      `{ criteriaSet(code: "${NEW_SET}") { validFromYear validToYear legalBasis criteria { number nameVi indicators { code nameVi valueType thresholdRule thresholdPlaceholder source } } } }`,
    );
    const set = data.criteriaSet;
    expect(set).toMatchObject({ validFromYear: 2026, validToYear: 2030 });
    expect(set.legalBasis).toContain('51/2025/QĐ-TTg');
    expect(set.criteria).toHaveLength(10);
    const indicators = set.criteria.flatMap((c: any) => c.indicators);
    expect(indicators).toHaveLength(47);
    for (const i of indicators) {
      expect(i.nameVi).toBeTruthy();
      expect(i.source).toContain('51/2025');
    }
    expect(indicators.some((i: any) => /group=1/.test(i.thresholdRule ?? ''))).toBe(true);
    // Thresholds that could not be read from the decision are marked, never passed off as fact.
    expect(indicators.some((i: any) => i.thresholdPlaceholder)).toBe(true);
  });

  it('gives every commune, ward and special zone of the current list a generated commune group, with its rule', async () => {
    const data = await graph.ok(`{ ward: adminUnit(code: "16681") { name kind communeGroup communeGroupSource communeGroupRule } }`);
    expect(data.ward).toMatchObject({ name: 'Phường Thành Vinh', kind: 'Phường', communeGroup: 1, communeGroupSource: 'GENERATED:ward-urban' });
    expect(data.ward.communeGroupRule).toContain('not an official assignment');
    const communes = await ngheAnCommunes();
    expect(communes.length).toBeGreaterThan(100);
    for (const c of communes) {
      expect([1, 2, 3]).toContain(c.communeGroup);
      expect(c.communeGroupSource).toMatch(/^(GENERATED:|CORRECTED$)/);
    }
    // Nghệ An has mountain ethnic-minority communes (group 3) and others (group 2).
    expect(communes.some((c) => c.communeGroup === 3)).toBe(true);
    expect(communes.some((c) => c.communeGroup === 2 && c.kind === 'Xã')).toBe(true);
    // Pre-reform units have no group: the groups belong to the 2026–2030 set.
    const old = await graph.ok(`{ adminUnit(code: "17380", asOf: "2024-06-30") { communeGroup communeGroupSource } }`);
    expect(old.adminUnit).toEqual({ communeGroup: null, communeGroupSource: null });
  });

  it('uses the set in force for the year when none is named, and names both sets when one is asked for outside its period', async () => {
    const data = await graph.ok(`{
      y2024: attainmentSummary(year: 2024, within: "40") { setCode unitCount metCount }
      y2026: attainmentSummary(year: 2026, within: "40") { setCode unitCount metCount }
    }`);
    expect(data.y2024).toMatchObject({ setCode: OLD_SET, unitCount: 412 });
    expect(data.y2026.setCode).toBe(NEW_SET);
    expect(data.y2026.unitCount).toBe((await ngheAnCommunes()).length);
    const wrong = await graph.query(`{ attainmentSummary(set: "${OLD_SET}", year: 2026, within: "40") { unitCount } }`);
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].message).toContain(OLD_SET);
    expect(wrong.errors?.[0].message).toContain(NEW_SET);
    const unit = await graph.query(`{ adminUnit(code: "16681") { assessment(set: "${OLD_SET}", year: 2026) { status } } }`);
    expect(unit.errors?.[0].message).toMatch(new RegExp(`${OLD_SET}.*${NEW_SET}`));
  });

  it('agrees for 2026 between the roll-up and the per-unit assessments (thresholds by commune group)', async () => {
    const [{ adminUnits }, { attainmentSummary }] = await Promise.all([
      graph.ok(
        `{ adminUnits(filter: { level: COMMUNE, within: "40", asOf: "2025-07-01" }, first: 500) { edges { node { code communeGroup assessment(year: 2026) { setCode status criteria { indicators { code status } } } } } } }`,
      ),
      graph.ok(
        `{ attainmentSummary(year: 2026, within: "40") { setCode unitCount metCount indicators { code metCount notMetCount noDataCount notEvaluatedCount } } }`,
      ),
    ]);
    const units = adminUnits.edges.map((e: any) => e.node);
    expect(units.every((u: any) => u.assessment.setCode === NEW_SET)).toBe(true);
    expect(attainmentSummary.unitCount).toBe(units.length);
    expect(attainmentSummary.metCount).toBe(units.filter((u: any) => u.assessment.status === 'MET').length);
    const perUnit = new Map<string, Record<string, number>>();
    for (const u of units) {
      for (const i of u.assessment.criteria.flatMap((c: any) => c.indicators)) {
        const counts = perUnit.get(i.code) ?? { MET: 0, NOT_MET: 0, NO_DATA: 0, NOT_EVALUATED: 0 };
        counts[i.status] += 1;
        perUnit.set(i.code, counts);
      }
    }
    expect(attainmentSummary.indicators).toHaveLength(47);
    for (const ind of attainmentSummary.indicators) {
      const counts = perUnit.get(ind.code)!;
      expect({ code: ind.code, met: ind.metCount, notMet: ind.notMetCount, noData: ind.noDataCount, ne: ind.notEvaluatedCount }).toEqual({
        code: ind.code,
        met: counts.MET,
        notMet: counts.NOT_MET,
        noData: counts.NO_DATA,
        ne: counts.NOT_EVALUATED,
      });
    }
    // The synthetic generator wrote 2026 values for the new set's indicators: something is measured.
    expect(attainmentSummary.indicators.some((i: any) => i.metCount > 0 && i.notMetCount > 0)).toBe(true);
  });

  it('gives a group-1 and a group-3 commune with the same value different attainment; an ADMIN corrects a group, audited, and roll-ups follow', async () => {
    const communes = await ngheAnCommunes();
    const mountain = communes.filter((c) => c.communeGroup === 3 && c.kind === 'Xã').at(-1)!;
    const lowland = communes.filter((c) => c.communeGroup === 2 && c.kind === 'Xã').at(-1)!;
    const set = await graph.ok(`{ criteriaSet(code: "${NEW_SET}") { criteria { indicators { code valueType thresholdRule } } } }`);
    // An indicator whose numeric threshold differs between group 1 and group 3.
    const target = set.criteriaSet.criteria
      .flatMap((c: any) => c.indicators)
      .map((i: any) => ({
        ...i,
        g1: />=\s*(\d+(?:\.\d+)?) if group=1/.exec(i.thresholdRule ?? ''),
        g3: />=\s*(\d+(?:\.\d+)?) if group=3/.exec(i.thresholdRule ?? ''),
      }))
      .find((i: any) => i.g1 && i.g3 && Number(i.g1[1]) > Number(i.g3[1]));
    expect(target).toBeDefined();
    const value = String((Number(target.g1[1]) + Number(target.g3[1])) / 2);
    rolledUpThreshold = async (code) => {
      const gaps = await graph.ok(
        `{ unitsMissingIndicator(indicator: "${target.code}", year: 2026, within: "40", first: 500) { edges { node { unit { id } threshold } } } }`,
        undefined,
        editor,
      );
      return gaps.unitsMissingIndicator.edges.map((e: any) => e.node).find((n: any) => n.unit.id === `${code}@2025-07-01`);
    };

    // Only an ADMIN corrects a group, with a reason; bad input names the field.
    const correct = `mutation($code: String!, $group: Int!, $reason: String!) { correctCommuneGroup(code: $code, group: $group, reason: $reason) { code communeGroup communeGroupSource communeGroupHistory { fromGroup toGroup reason changedBy } } }`;
    const byEditor = await graph.query(correct, { code: lowland.code, group: 1, reason: 'test' }, editor);
    expect(byEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badGroup = await graph.query(correct, { code: lowland.code, group: 4, reason: 'test' }, admin);
    expect(badGroup.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'group' });
    const province = await graph.query(correct, { code: '40', group: 1, reason: 'test' }, admin);
    expect(province.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const unchanged = await graph.ok(`{ adminUnit(code: "${lowland.code}") { communeGroup communeGroupHistory { toGroup } } }`);
    expect(unchanged.adminUnit.communeGroup).toBe(2);

    const corrected = await graph.ok(correct, { code: lowland.code, group: 1, reason: 'QĐ (test) of UBND tỉnh Nghệ An assigning group 1' }, admin);
    expect(corrected.correctCommuneGroup).toMatchObject({ code: lowland.code, communeGroup: 1, communeGroupSource: 'CORRECTED' });
    expect(corrected.correctCommuneGroup.communeGroupHistory.at(-1)).toEqual({
      fromGroup: 2,
      toGroup: 1,
      reason: 'QĐ (test) of UBND tỉnh Nghệ An assigning group 1',
      changedBy: 'admin-2026-e2e',
    });

    let correctedThreshold: string | undefined;
    try {
      // The generator's values are APPROVED (locked): an approver sends them back first.
      const keys = [mountain, lowland].map((u) => ({ unitCode: u.code, asOf: '2025-07-01', indicatorCode: target.code, year: 2026 }));
      const stored = await graph.ok(
        `{ ${keys.map((k, i) => `u${i}: adminUnit(code: "${k.unitCode}") { indicatorValues(year: 2026, set: "${NEW_SET}") { indicatorKey status } }`).join(' ')} }`,
        undefined,
        editor,
      );
      const approved = keys.filter((_, i) =>
        stored[`u${i}`].indicatorValues.some((v: any) => v.indicatorKey === `${NEW_SET}/${target.code}` && v.status === 'APPROVED'),
      );
      if (approved.length > 0) {
        const back = await graph.ok(
          `mutation($input: [IndicatorValueKeyInput!]!, $reason: String!) { unapproveIndicatorValues(input: $input, reason: $reason) { accepted errors { row field reason } } }`,
          { input: approved, reason: 'test: the value is re-entered' },
          approver,
        );
        expect(back.unapproveIndicatorValues).toMatchObject({ accepted: true, errors: [] });
      }
      const write = await graph.ok(
        `mutation($input: [IndicatorValueInput!]!) { setIndicatorValues(input: $input) { accepted errors { row field reason } } }`,
        {
          // SUBMITTED: roll-ups never count a DRAFT.
          input: keys.map((k) => ({ ...k, value, status: 'SUBMITTED' })),
        },
        editor,
      );
      expect(write.setIndicatorValues).toMatchObject({ accepted: true, errors: [] });
      const assess = async (code: string) => {
        const data = await graph.ok(
          `{ adminUnit(code: "${code}") { communeGroup assessment(year: 2026) { criteria { indicators { code status value threshold } } } } }`,
          undefined,
          editor,
        );
        return data.adminUnit.assessment.criteria.flatMap((c: any) => c.indicators).find((i: any) => i.code === target.code);
      };
      const [inMountain, inLowland] = [await assess(mountain.code), await assess(lowland.code)];
      expect(inMountain).toMatchObject({ status: 'MET', value });
      expect(inLowland).toMatchObject({ status: 'NOT_MET', value });
      expect(inMountain.threshold).not.toBe(inLowland.threshold);

      // The roll-up (on the criteria subgraph's replica) follows the correction within the refresh interval.
      correctedThreshold = inLowland.threshold;
      await eventually(async () => expect((await rolledUpThreshold(lowland.code))?.threshold).toBe(correctedThreshold));
    } finally {
      await graph.ok(correct, { code: lowland.code, group: 2, reason: 'test done: back to the generated group' }, admin);
      // Back in every replica before the next test file measures anything.
      if (correctedThreshold) await eventually(async () => expect((await rolledUpThreshold(lowland.code))?.threshold).not.toBe(correctedThreshold));
    }
    const history = await graph.ok(`{ adminUnit(code: "${lowland.code}") { communeGroup communeGroupHistory { fromGroup toGroup changedBy } } }`);
    expect(history.adminUnit.communeGroup).toBe(2);
    expect(history.adminUnit.communeGroupHistory.slice(-2)).toEqual([
      { fromGroup: 2, toGroup: 1, changedBy: 'admin-2026-e2e' },
      { fromGroup: 1, toGroup: 2, changedBy: 'admin-2026-e2e' },
    ]);
  });

  it('never counts a DRAFT in a roll-up, for any reader, while the editor sees it in the per-unit assessment', async () => {
    const unit = (await ngheAnCommunes()).find((c) => c.kind === 'Xã')!;
    // 2027: nothing synthetic is stored, so the values counted are the ones written here.
    const counted = async () => {
      const data = await graph.ok(`{ attainmentSummary(year: 2027, within: "40") { indicators { code metCount notMetCount } } }`, undefined, editor);
      const row = data.attainmentSummary.indicators.find((i: any) => i.code === '2.2');
      return row.metCount + row.notMetCount;
    };
    const write = (status: string) =>
      graph.ok(
        `mutation($input: [IndicatorValueInput!]!) { setIndicatorValues(input: $input) { accepted errors { row field reason } } }`,
        { input: [{ unitCode: unit.code, indicatorCode: '2.2', year: 2027, value: '50', status }] },
        editor,
      );
    const before = await counted();
    expect((await write('DRAFT')).setIndicatorValues.accepted).toBe(true);
    expect(await counted()).toBe(before);
    const seen = await graph.ok(
      `{ adminUnit(code: "${unit.code}") { assessment(year: 2027) { criteria { indicators { code value } } } } }`,
      undefined,
      editor,
    );
    expect(seen.adminUnit.assessment.criteria.flatMap((c: any) => c.indicators).find((i: any) => i.code === '2.2').value).toBe('50');
    expect((await write('SUBMITTED')).setIndicatorValues.accepted).toBe(true);
    expect(await counted()).toBe(before + 1);
  });

  it('assesses province completion (Appendix III) from the province’s communes and their recognitions, explained', async () => {
    const query = `{ province: adminUnit(code: "40") { provinceCompletion(year: 2026) { status provisional explanation communesTotal communesRecognised conditions { code status reason value threshold placeholder source } } } }`;
    const before = (await graph.ok(query)).province.provinceCompletion;
    const communes = (await ngheAnCommunes()).filter((c) => c.kind === 'Xã');
    expect(before.communesTotal).toBe(communes.length);
    const share = before.conditions.find((c: any) => c.code === 'COMMUNES_NTM_SHARE');
    expect(share.value).toBe(String(Math.round((before.communesRecognised / before.communesTotal) * 1000) / 10));
    expect(share.threshold).toBeTruthy();
    expect(share.placeholder).toBe(true);
    // Conditions of Appendix III that could not be read are NOT_EVALUATED, so no province is ever MET on guesses.
    expect(before.conditions.some((c: any) => c.status === 'NOT_EVALUATED' && c.reason === 'NO_RULE')).toBe(true);
    expect(before.status).not.toBe('MET');
    expect(before.explanation).toContain(before.status);

    // A recognition decided in 2026 under the new set counts.
    const recognised = communes.find((c) => c.communeGroup === 3)!;
    await graph.ok(
      `mutation($input: RecognitionInput!) { recordRecognitionDecision(input: $input) { id } }`,
      {
        input: {
          unitCode: recognised.code,
          asOf: '2025-07-01',
          setCode: NEW_SET,
          decisionNumber: `2026-e2e-${recognised.code}/QĐ-UBND`,
          decidedOn: '2026-06-15',
          authority: 'UBND tỉnh Nghệ An (test)',
        },
      },
      approver,
    );
    const after = (await graph.ok(query)).province.provinceCompletion;
    expect(after.communesRecognised).toBe(before.communesRecognised + 1);

    const wrongLevel = await graph.query(`{ adminUnit(code: "16681") { provinceCompletion(year: 2026) { status } } }`);
    expect(wrongLevel.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const noConditions = await graph.query(`{ adminUnit(code: "40") { provinceCompletion(year: 2024) { status } } }`);
    expect(noConditions.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
