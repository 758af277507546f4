import 'reflect-metadata';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { kitEntities, SeedState } from '../seed/seed-state.entity';
import { columnsOf, readOnlyRows } from './entity-columns';

@Entity({ tableName: 'parent_thing' })
class ParentThing {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  id!: string;
}

@Entity({ tableName: 'child_thing' })
class ChildThing {
  @PrimaryKey({ type: 'number' })
  id!: number;

  @ManyToOne(() => ParentThing, { fieldName: 'parent_id', mapToPk: true })
  parentId!: string;

  @Property({ type: 'string', columnType: 'text' })
  shortName!: string;

  @Property({ type: 'string[]', columnType: 'text[]' })
  ancestorIds!: string[];

  @Property({ type: 'bigint', columnType: 'bigint', nullable: true })
  fundingVnd!: bigint | null;

  @Property({ type: 'boolean' })
  generated!: boolean;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  validFrom!: string | null;

  @Property({ type: 'string', persist: false })
  computed?: string;
}

describe('columnsOf: column lists come from entity metadata', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init({
      entities: [...kitEntities, ParentThing, ChildThing],
      dbName: 'unused',
      connect: false,
      discovery: { warnWhenNoEntities: false },
    });
  });
  afterAll(() => orm.close());

  it('lists every persisted column in property order, FK columns included, computed properties left out', () => {
    expect(columnsOf(orm.em.fork(), ChildThing)).toBe('id, parent_id, short_name, ancestor_ids, funding_vnd, generated, valid_from');
    expect(columnsOf(orm.em.fork(), SeedState, 's')).toBe('s.step, s.fingerprint, s.seeded_at');
  });

  it('lets em.map turn such a row into an entity (snake_case columns to properties)', () => {
    const em = orm.em.fork();
    const child = em.map(ChildThing, { id: 7, parent_id: 'p1', short_name: 'Trúc Bạch' });
    expect(child).toBeInstanceOf(ChildThing);
    expect(child).toMatchObject({ id: 7, parentId: 'p1', shortName: 'Trúc Bạch' });
  });

  it('readOnlyRows gives the values em.map gives, as plain objects outside the identity map', () => {
    const rows = [
      {
        id: 7,
        parent_id: 'p1',
        short_name: 'Trúc Bạch',
        ancestor_ids: ['01', '001'],
        funding_vnd: '1200000000',
        generated: false,
        valid_from: '2025-07-01',
      },
      { id: 8, parent_id: 'p1', short_name: 'Đông Sơn', ancestor_ids: '{40,412}', funding_vnd: null, generated: true, valid_from: null },
    ];
    const em = orm.em.fork();
    const plain = readOnlyRows(em, ChildThing, rows);
    const mapped = rows.map((row) => ({ ...orm.em.fork().map(ChildThing, { ...row }) }));
    expect(plain).toEqual(mapped);
    expect(plain[0]).toEqual({
      id: 7,
      parentId: 'p1',
      shortName: 'Trúc Bạch',
      ancestorIds: ['01', '001'],
      fundingVnd: 1200000000n,
      generated: false,
      validFrom: '2025-07-01',
    });
    expect(plain[1].ancestorIds).toEqual(['40', '412']);
    expect(plain[0]).not.toBeInstanceOf(ChildThing);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });
});
