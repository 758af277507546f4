import 'reflect-metadata';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { kitEntities, SeedState } from '../seed/seed-state.entity';
import { columnsOf } from './entity-columns';

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
    expect(columnsOf(orm.em.fork(), ChildThing)).toBe('id, parent_id, short_name');
    expect(columnsOf(orm.em.fork(), SeedState, 's')).toBe('s.step, s.fingerprint, s.seeded_at');
  });

  it('lets em.map turn such a row into an entity (snake_case columns to properties)', () => {
    const em = orm.em.fork();
    const child = em.map(ChildThing, { id: 7, parent_id: 'p1', short_name: 'Trúc Bạch' });
    expect(child).toBeInstanceOf(ChildThing);
    expect(child).toMatchObject({ id: 7, parentId: 'p1', shortName: 'Trúc Bạch' });
  });
});
