import { knex, type Knex } from '@mikro-orm/postgresql';
import { PilotWriteService, readCatalogue } from '@ntm/pilot-models';
import { connectGraph, tokenFor, type GraphResponse } from './testkit/graph';

const graph = connectGraph();

/** The contract query of issue 11 (names kept exactly). */
const CONTRACT = `{
  pilotModels(filter: { within: "40", kind: SMART_COMMUNE }, first: 50) {
    totalCount
    edges { node {
      id kind status stage onSchedule generated
      unit { code name pilotEligibility(kind: SMART_COMMUNE, year: 2024) { eligible conditions { code status value threshold source } } }
      funding { source planned disbursed } fundingTotal { planned disbursed } fundingBalanced
    } }
  }
  pilotSummary(within: "40") { kind stage count }
}`;

/** The nine real first-batch communes (shared/data/pilots/first-batch.csv): the six smart communes. */
const FIRST_BATCH_SMART = ['14212', '05641', '19894', '22276', '30721', '29746'];

/** Sign-in tokens (the run's embedded key): an editor or an approver of an area, by its official code. */
const asEditorOf = (areaCode: string) => tokenFor({ role: 'EDITOR', units: [areaCode], sub: `pilot-editor-${areaCode}` });
const asApproverOf = (areaCode: string) => tokenFor({ role: 'APPROVER', units: [areaCode], sub: `pilot-approver-${areaCode}` });

/** A request through the gateway with an optional bearer token. */
function send(query: string, variables: Record<string, unknown>, auth?: string): Promise<GraphResponse> {
  return graph.query(query, variables, auth ? { auth } : undefined);
}

const PILOT_STATE = `query ($id: ID!) { pilotModel(id: $id) { id status stage updatedAt approval { number } steps { code state startedOn completedOn } funding { source planned disbursed } fundingTotal { planned } } }`;

describe('pilot models through the gateway', () => {
  it('has entities that describe its tables exactly (migrations and entities agree)', async () => {
    const res = await fetch(`${process.env.NTM_TEST_CONTROL_URL}/schema-diff?subgraph=pilot-models`);
    const { sql } = (await res.json()) as { sql: string };
    // seed_state is the kit's seeding bookkeeping, created by seedOnce rather than by this subgraph's migrations.
    const statements = sql
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.includes('"seed_state"'));
    expect(statements).toEqual([]);
  });

  it('answers the contract query: names from admin-units, each eligibility condition explained from criteria data', async () => {
    const data = await graph.ok(CONTRACT);
    const nodes = data.pilotModels.edges.map((e: any) => e.node);
    expect(data.pilotModels.totalCount).toBe(nodes.length);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n).toMatchObject({ kind: 'SMART_COMMUNE', generated: true });
      expect(n.id).toMatch(/^GEN-40-SC-/);
      expect(n.unit.name).toMatch(/^(Xã|Phường|Thị trấn) /);
      expect(n.fundingBalanced).toBe(true);
      const planned = n.funding.reduce((a: bigint, l: any) => a + BigInt(l.planned), 0n);
      expect(n.fundingTotal.planned).toBe(planned.toString());
      const codes = n.unit.pilotEligibility.conditions.map((c: any) => c.code);
      expect(codes).toEqual(['ADVANCED_NTM', '1.1', 'FACILITIES_AND_STAFF', '2.1', '2.2', '2.3', '3.1', 'LOCAL_COMMITMENT']);
      for (const c of n.unit.pilotEligibility.conditions) {
        if (c.status === 'NO_DATA') continue;
        expect(c.value).not.toBeNull();
        expect(c.threshold).not.toBeNull();
        expect(c.source).toMatch(/^criteria: /);
      }
    }
    // The roll-up counts the same pilots as the list.
    const summaryCount = data.pilotSummary.filter((r: any) => r.kind === 'SMART_COMMUNE').reduce((a: number, r: any) => a + r.count, 0);
    expect(summaryCount).toBe(data.pilotModels.totalCount);
  });

  it('generated commune pilots are eligible on the same criteria facts, in the year they were chosen (2023)', async () => {
    const data = await graph.ok(
      `{ pilotModels(filter: { generated: true, kind: SMART_COMMUNE }, first: 500) { edges { node { id kind unit { sc: pilotEligibility(kind: SMART_COMMUNE, year: 2023) { eligible } } } } } }`,
    );
    const communes = data.pilotModels.edges.map((e: any) => e.node);
    expect(communes.length).toBeGreaterThan(0);
    for (const n of communes) expect([n.id, n.unit.sc.eligible]).toEqual([n.id, true]);
  });

  it('lists the six real smart communes of the first batch among the others, generated: false, on the list they were built in', async () => {
    const data = await graph.ok(
      `{ pilotModels(filter: { kind: SMART_COMMUNE }, first: 50) { totalCount edges { node { id generated status onSchedule fundingTotal { planned } unit { id code name } } } } }`,
    );
    const nodes = data.pilotModels.edges.map((e: any) => e.node);
    const real = nodes.filter((n: any) => !n.generated);
    expect(real.map((n: any) => n.unit.code).sort()).toEqual([...FIRST_BATCH_SMART].sort());
    for (const n of real) {
      expect(n.unit.id).toBe(`${n.unit.code}@2025-03-01`);
      expect(n).toMatchObject({ status: 'SELECTED', onSchedule: null, fundingTotal: null });
    }
    expect(real.find((n: any) => n.unit.code === '19894').unit.name).toBe('Xã Quảng Thọ');
    expect(nodes.some((n: any) => n.generated)).toBe(true);
  });

  it('finds a 2024-list pilot under either list’s code: the old province, and today’s commune it went into', async () => {
    const pilot = await graph.ok(`{ pilotModel(id: "FB-19894") { unit { id } currentUnits { id code } } }`);
    expect(pilot.pilotModel.currentUnits.length).toBeGreaterThan(0);
    const today = pilot.pilotModel.currentUnits[0].code;
    const ids = async (within: string) =>
      (
        await graph.ok(`query ($w: String) { pilotModels(filter: { within: $w }, first: 500) { edges { node { id } } } }`, { w: within })
      ).pilotModels.edges.map((e: any) => e.node.id);
    expect(await ids('46')).toContain('FB-19894');
    expect(await ids(today)).toContain('FB-19894');
    expect(await ids('40')).not.toContain('FB-19894');
    const unknown = await graph.query(`{ pilotModels(filter: { within: "99999" }) { totalCount } }`);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'within' } });
  });

  it('reads lists, roll-ups and who is behind schedule in a bounded number of SQL statements', async () => {
    const list = (first: number) =>
      `{ pilotModels(filter: { within: "40" }, first: ${first}) { totalCount edges { node { id stage onSchedule daysBehind steps { code timing } fundingTotal { planned } fundingBalanced funding { source } } } } }`;
    const small = await graph.countStatements('pilot-models', () => graph.ok(list(5)));
    const large = await graph.countStatements('pilot-models', () => graph.ok(list(60)));
    expect(large.result.pilotModels.edges.length).toBeGreaterThan(5);
    expect(large.statements).toBeLessThanOrEqual(6);
    expect(large.statements).toBe(small.statements);

    const summary = await graph.countStatements('pilot-models', () => graph.ok(`{ pilotSummary(within: "40") { kind stage count } }`));
    expect(summary.statements).toBeLessThanOrEqual(2);
    const kinds = new Set(summary.result.pilotSummary.map((r: any) => r.kind));
    // The generated kinds; pilot-modern.e2e may have added a MODERN_NTM_COMMUNE pilot (files run in any order).
    expect([...kinds].filter((k) => k !== 'MODERN_NTM_COMMUNE').sort()).toEqual([
      'DISTRICT_DATA_PILOT',
      'ECOMMERCE_COMMUNE',
      'SMART_COMMUNE',
      'SMART_VILLAGE',
    ]);

    const behind = await graph.countStatements('pilot-models', () =>
      graph.ok(`{ pilotsBehindSchedule(within: "40", first: 20) { id onSchedule daysBehind overdueSteps } }`),
    );
    expect(behind.statements).toBeLessThanOrEqual(4);
    const rows = behind.result.pilotsBehindSchedule;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ onSchedule: false, overdueSteps: expect.arrayContaining([expect.any(String)]) });
    const days = rows.map((r: any) => r.daysBehind);
    expect(days).toEqual([...days].sort((a: number, b: number) => b - a));
  });

  it('refuses anonymous writes (UNAUTHENTICATED) and writes nothing', async () => {
    const before = await graph.ok(PILOT_STATE, { id: 'FB-19894' });
    const count = (await graph.ok(`{ pilotModels { totalCount } }`)).pilotModels.totalCount;
    const attempts = [
      send(`mutation { createPilot(input: { kind: SMART_COMMUNE, unitId: "17380@2025-03-01", topicGroups: ["SC_DIGITAL_GOVERNMENT"] }) { id } }`, {}),
      send(`mutation { movePilotStep(pilotId: "FB-19894", input: { step: "DESIGN_SURVEY", action: START, date: "2023-01-10" }) { id } }`, {}),
      send(`mutation { setPilotFunding(pilotId: "FB-19894", input: { lines: [{ source: CENTRAL, planned: "100", disbursed: "0" }] }) { id } }`, {}),
      send(
        `mutation { approvePilot(pilotId: "FB-19894", approval: { number: "1/QĐ-UBND", date: "2023-06-01", authority: "UBND tỉnh" }) { id } }`,
        {},
      ),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.data?.createPilot ?? res.data?.movePilotStep ?? res.data?.setPilotFunding ?? res.data?.approvePilot ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await graph.ok(PILOT_STATE, { id: 'FB-19894' })).toEqual(before);
    expect((await graph.ok(`{ pilotModels { totalCount } }`)).pilotModels.totalCount).toBe(count);
  });
});

/**
 * The refusals of "Done when", below authorization: the write service (the same code the mutations call
 * after `authorize`) on the test database, over its own connection. Each refusal names its field, and nothing is written (checked
 * through the gateway).
 */
describe('pilot writes refuse bad input, naming the field, and write nothing', () => {
  let db: Knex;
  let write: PilotWriteService;
  const catalogue = readCatalogue();
  beforeAll(() => {
    db = knex({ client: 'pg', connection: process.env.NTM_TEST_DATABASE_URL!, searchPath: ['pilot_models', 'public'], pool: { min: 0, max: 2 } });
    write = new PilotWriteService(db);
  });
  afterAll(async () => db?.destroy());

  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { message: string; extensions: { code: string; field: string; errors: { field: string; reason: string; row?: number }[] } };
    }
    throw new Error('expected a refusal');
  };

  it('refuses an illegal step transition (a step before the one it depends on)', async () => {
    const id =
      (await graph.ok(`{ pilotModels(filter: { within: "40", kind: SMART_COMMUNE, stage: DESIGN }, first: 1) { edges { node { id } } } }`))
        .pilotModels.edges[0]?.node.id ??
      (await graph.ok(`{ pilotModels(filter: { kind: SMART_COMMUNE, generated: false }, first: 1) { edges { node { id } } } }`)).pilotModels.edges[0]
        .node.id;
    const before = await graph.ok(PILOT_STATE, { id });
    const pilot = await write.pilotOrRefuse(id);
    const implementation = catalogue.lifecycle.find((s) => s.phase === 'IMPLEMENTATION')!.code;
    const e = await refusal(write.moveStep(pilot, { step: implementation, action: 'START', date: '2024-01-10' }, 'e2e'));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'step' });
    expect(e.message).toMatch(/before .* is completed/);
    const future = await refusal(write.moveStep(pilot, { step: catalogue.lifecycle[0].code, action: 'START', date: '2999-01-01' }, 'e2e'));
    expect(future.extensions.field).toBe('date');
    expect(await graph.ok(PILOT_STATE, { id })).toEqual(before);
  });

  it('refuses a unit of the wrong level, naming unitId', async () => {
    const count = (await graph.ok(`{ pilotModels { totalCount } }`)).pilotModels.totalCount;
    // 425@2025-03-01 is a district of Nghệ An; a smart commune is built in a commune.
    const e = await refusal(
      write.checkCreate({
        kind: 'SMART_COMMUNE',
        unitId: '425@2025-03-01',
        topicGroups: [catalogue.topicGroups.find((g) => g.kind === 'SMART_COMMUNE')!.code],
      }),
    );
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(e.message).toMatch(/built in a COMMUNE; 425@2025-03-01 is a DISTRICT/);
    const village = await refusal(write.checkCreate({ kind: 'SMART_VILLAGE', unitId: '17380@2025-03-01' }));
    expect(village.extensions.field).toBe('unitId');
    expect((await graph.ok(`{ pilotModels { totalCount } }`)).pilotModels.totalCount).toBe(count);
  });

  it('refuses a funding plan that does not add up, naming each line and field, and keeps the old plan whole', async () => {
    const data = await graph.ok(`{ pilotModels(filter: { within: "40", kind: SMART_COMMUNE }, first: 1) { edges { node { id } } } }`);
    const id = data.pilotModels.edges[0].node.id;
    const before = await graph.ok(PILOT_STATE, { id });
    const pilot = await write.pilotOrRefuse(id);
    const e = await refusal(
      write.setFunding(
        pilot,
        {
          lines: [
            { source: 'CENTRAL', planned: 1_000_000n, disbursed: 0n },
            { source: 'PROVINCE', planned: 500_000n, disbursed: 600_000n },
          ],
          declaredTotal: 2_000_000n,
        },
        'e2e',
      ),
    );
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.extensions.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 1, field: 'lines[1].disbursed' }), expect.objectContaining({ field: 'declaredTotal' })]),
    );
    expect(await graph.ok(PILOT_STATE, { id })).toEqual(before);
  });
});

/** Writes through the gateway, signed in as an editor or approver of Nghệ An (40). */
describe('pilot writes through the gateway, signed in', () => {
  it('creates a pilot, moves a step, sets funding and approves it, recording who', async () => {
    const editor = await asEditorOf('40');
    const topic = readCatalogue().topicGroups.find((g) => g.kind === 'SMART_COMMUNE')!.code;
    const created = await send(
      `mutation ($i: CreatePilotInput!) { createPilot(input: $i) { id status stage generated createdBy unit { id } } }`,
      {
        i: { kind: 'SMART_COMMUNE', unitId: '17380@2025-03-01', topicGroups: [topic] },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createPilot.id;
    expect(created.data.createPilot).toMatchObject({
      status: 'PROPOSED',
      stage: 'DESIGN',
      generated: false,
      createdBy: 'pilot-editor-40',
      unit: { id: '17380@2025-03-01' },
    });
    const moved = await send(
      `mutation ($id: ID!) { movePilotStep(pilotId: $id, input: { step: "DESIGN_SURVEY", action: START, date: "2024-01-10" }) { updatedBy steps { code state startedOn } } }`,
      { id },
      editor,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data.movePilotStep.steps.find((s: any) => s.code === 'DESIGN_SURVEY')).toEqual({
      code: 'DESIGN_SURVEY',
      state: 'IN_PROGRESS',
      startedOn: '2024-01-10',
    });
    const funded = await send(
      `mutation ($id: ID!) { setPilotFunding(pilotId: $id, input: { lines: [{ source: CENTRAL, planned: "3000000000", disbursed: "0" }, { source: PEOPLE, planned: "500000000", disbursed: "0" }], declaredTotal: "3500000000" }) { fundingTotal { planned } fundingBalanced funding { source plannedShareBp } } }`,
      { id },
      editor,
    );
    expect(funded.errors).toBeUndefined();
    expect(funded.data.setPilotFunding).toEqual({
      fundingTotal: { planned: '3500000000' },
      fundingBalanced: true,
      funding: [
        { source: 'CENTRAL', plannedShareBp: 8571 },
        { source: 'PEOPLE', plannedShareBp: 1429 },
      ],
    });
    // Approving needs an APPROVER: the editor is refused, the approver is not.
    const approval = `mutation ($id: ID!) { approvePilot(pilotId: $id, approval: { number: "99/QĐ-UBND-E2E", date: "2024-02-01", authority: "UBND tỉnh Nghệ An" }) { status approval { number } updatedBy } }`;
    expect((await send(approval, { id }, editor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await send(approval, { id }, await asApproverOf('40'));
    expect(approved.data.approvePilot).toEqual({ status: 'APPROVED', approval: { number: '99/QĐ-UBND-E2E' }, updatedBy: 'pilot-approver-40' });
  });

  it('refuses an illegal step, a wrong level and funding that does not add up — field named, nothing written', async () => {
    const editor = await asEditorOf('40');
    // A pilot of its own, all steps not started: implementation cannot start before the design is approved.
    const topic = readCatalogue().topicGroups.find((g) => g.kind === 'ECOMMERCE_COMMUNE')!.code;
    const created = await send(
      `mutation { createPilot(input: { kind: ECOMMERCE_COMMUNE, unitId: "17380@2025-03-01", topicGroups: ["${topic}"] }) { id } }`,
      {},
      editor,
    );
    const id = created.data.createPilot.id;
    const before = await graph.ok(PILOT_STATE, { id });
    const blocked = readCatalogue().lifecycle.find((d) => d.phase === 'IMPLEMENTATION')!;
    const step = await send(
      `mutation ($id: ID!, $s: String!) { movePilotStep(pilotId: $id, input: { step: $s, action: START, date: "2024-01-10" }) { id } }`,
      { id, s: blocked.code },
      editor,
    );
    expect(step.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'step' });
    const level = await send(
      `mutation { createPilot(input: { kind: SMART_COMMUNE, unitId: "425@2025-03-01", topicGroups: ["${readCatalogue().topicGroups[0].code}"] }) { id } }`,
      {},
      editor,
    );
    expect(level.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    const funding = await send(
      `mutation ($id: ID!) { setPilotFunding(pilotId: $id, input: { lines: [{ source: COMMUNE, planned: "100", disbursed: "200" }] }) { id } }`,
      { id },
      editor,
    );
    expect(funding.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines[0].disbursed' });
    expect(await graph.ok(PILOT_STATE, { id })).toEqual(before);
  });

  it('refuses a write outside the editor’s area (FORBIDDEN, naming unitId) and writes nothing', async () => {
    const before = await graph.ok(PILOT_STATE, { id: 'FB-19894' });
    const res = await send(
      `mutation { movePilotStep(pilotId: "FB-19894", input: { step: "DESIGN_SURVEY", action: START, date: "2023-01-10" }) { id } }`,
      {},
      await asEditorOf('42'),
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'unitId' });
    expect(await graph.ok(PILOT_STATE, { id: 'FB-19894' })).toEqual(before);
  });
});
