import { connectGraph } from './testkit/graph';

const graph = connectGraph();

describe('lineage across the 2025 reform, through the gateway', () => {
  it('lists the predecessors of Phường Ba Đình (00004): two whole, eight in part, all of old Hà Nội', async () => {
    const data = await graph.ok(`{ adminUnit(code: "00004") { name predecessors { share unit { code name validTo ancestors { code } } } } }`);
    const links = data.adminUnit.predecessors.map((l: any) => [l.unit.name, l.share]);
    expect(links).toHaveLength(10);
    expect(links).toEqual(
      expect.arrayContaining([
        ['Phường Quán Thánh', 'WHOLE'],
        ['Phường Trúc Bạch', 'WHOLE'],
        ...['Cửa Nam', 'Điện Biên', 'Đội Cấn', 'Kim Mã', 'Ngọc Hà', 'Thụy Khuê', 'Cửa Đông', 'Đồng Xuân'].map((n) => [`Phường ${n}`, 'PART']),
      ]),
    );
    for (const l of data.adminUnit.predecessors) {
      expect(l.unit.validTo).toBe('2025-06-30');
      expect(l.unit.ancestors[0].code).toBe('01');
    }
  });

  it('links provinces: Nghệ An to old Nghệ An; new Bắc Ninh to old Bắc Giang and old Bắc Ninh', async () => {
    const data = await graph.ok(`{
      ngheAn: adminUnit(code: "40") { predecessors { share unit { id name } } }
      bacNinh: adminUnit(code: "24") { predecessors { share unit { id name } } }
    }`);
    expect(data.ngheAn.predecessors).toEqual([{ share: 'WHOLE', unit: { id: '40@2025-03-01', name: 'Tỉnh Nghệ An' } }]);
    expect(data.bacNinh.predecessors.map((l: any) => [l.unit.name, l.share]).sort()).toEqual([
      ['Tỉnh Bắc Giang', 'WHOLE'],
      ['Tỉnh Bắc Ninh', 'WHOLE'],
    ]);
  });

  it('answers "which unit is this old commune part of today?" and "which old communes do I sum for 2024?"', async () => {
    const data = await graph.ok(`{
      old: adminUnit(code: "00004", asOf: "2024-06-30") { name successors { share unit { code name } } counterpartsAsOf(date: "2026-01-01") { share unit { code name } } }
      now: adminUnit(code: "00004") { counterpartsAsOf(date: "2024-12-31") { share unit { name } } predecessors { unit { name } } }
    }`);
    expect(data.old.name).toBe('Phường Trúc Bạch');
    expect(data.old.successors).toEqual([{ share: 'WHOLE', unit: { code: '00004', name: 'Phường Ba Đình' } }]);
    expect(data.old.counterpartsAsOf).toEqual(data.old.successors);
    expect(data.now.counterpartsAsOf.map((l: any) => l.unit.name).sort()).toEqual(data.now.predecessors.map((l: any) => l.unit.name).sort());
  });

  it('matches a spreadsheet column in input order, with statuses, scores and candidates', async () => {
    const names = ['X. Hung Dong', 'xã hưng đông', 'P.Hưng Đông - TP Vinh', 'Hung Dong ward', 'Phường Hưng Đông', 'Không Có Đâu'];
    const data = await graph.ok(
      `query($inputs: [MatchInput!]!) { matchAdminUnits(inputs: $inputs, asOf: "2024-06-30") { input status score best { code name } candidates { score unit { code name } } } }`,
      { inputs: names.map((name) => ({ name, level: 'COMMUNE', within: '40' })) },
    );
    const results = data.matchAdminUnits;
    expect(results.map((r: any) => r.input)).toEqual(names);
    for (const r of results.slice(0, 5)) expect(r.best?.name).toBe('Phường Hưng Đông');
    expect(results[4]).toMatchObject({ status: 'EXACT', score: 1 });
    expect(results[0].status).toBe('MATCHED');
    expect(results[0].score).toBeLessThan(results[4].score);
    expect(results[5]).toMatchObject({ status: 'UNMATCHED', best: null });
  });

  it('reports same-name communes as AMBIGUOUS with all of them', async () => {
    const data = await graph.ok(
      `{ matchAdminUnits(inputs: [{ name: "Xã Hòa Bình", level: COMMUNE }], asOf: "2024-06-30") { status best { code } candidates { unit { code } } } }`,
    );
    expect(data.matchAdminUnits[0].status).toBe('AMBIGUOUS');
    expect(data.matchAdminUnits[0].best).toBeNull();
    expect(data.matchAdminUnits[0].candidates.length).toBeGreaterThan(1);
  });

  it('matches thousands of names without one SQL statement per name', async () => {
    const inputs = Array.from({ length: 3000 }, (_, i) => ({ name: i % 2 ? 'xã hưng đông' : 'Nghi Phú', within: '40' }));
    const { statements, result } = await graph.countStatements('admin-units', () =>
      graph.ok(`query($inputs: [MatchInput!]!) { matchAdminUnits(inputs: $inputs, asOf: "2024-06-30") { status } }`, { inputs }),
    );
    expect(result.matchAdminUnits).toHaveLength(3000);
    expect(statements).toBeLessThanOrEqual(5);
  });
});

describe('matching a very large column', () => {
  it('takes 20,000 names in one request, and refuses more naming the field', async () => {
    const inputs = Array.from({ length: 20_000 }, (_, i) => ({ name: ['Xã Hòa Bình', 'Phường 1', 'Xã Tân An', 'hung dong'][i % 4] }));
    const data = await graph.ok(
      `query($inputs: [MatchInput!]!) { matchAdminUnits(inputs: $inputs, asOf: "2024-06-30") { status candidates { unit { code } } } }`,
      { inputs },
    );
    expect(data.matchAdminUnits).toHaveLength(20_000);
    expect(data.matchAdminUnits[0].status).toBe('AMBIGUOUS');
    const tooMany = await graph.query(`query($inputs: [MatchInput!]!) { matchAdminUnits(inputs: $inputs) { status } }`, {
      inputs: [...inputs, { name: 'x' }],
    });
    expect(tooMany.errors?.[0].message).toMatch(/^inputs: at most 20000/);
  });
});
