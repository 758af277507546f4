import { printSubgraphSchema } from '@apollo/subgraph';
import { buildFederatedSchema } from '@ntm/kit';
import { Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { adminUnitReferenceResolver, AdminUnitRef, AdminUnitWithAreaAttributes, AREA_ATTRIBUTES } from './admin-unit';

@Resolver(() => AdminUnitWithAreaAttributes)
class RequiringResolver {
  @Query(() => String, { description: 'placeholder root field' })
  ping(): string {
    return 'pong';
  }

  @FieldResolver(() => String, { description: 'uses the area attributes' })
  @Directive(`@requires(fields: "${AREA_ATTRIBUTES}")`)
  areaLabel(@Root() unit: AdminUnitWithAreaAttributes): string {
    return `${unit.level}:${unit.region}:${unit.mountainous}`;
  }
}

@Resolver(() => AdminUnitRef)
class KeyOnlyResolver {
  @Query(() => String, { description: 'placeholder root field' })
  pong(): string {
    return 'ping';
  }

  @FieldResolver(() => Number, { description: 'uses only the key' })
  idLength(@Root() unit: AdminUnitRef): number {
    return unit.id.length;
  }
}

describe('AdminUnit federation contract', () => {
  it('gives a requiring subgraph the key once and every area attribute as @external', async () => {
    const sdl = printSubgraphSchema(await buildFederatedSchema({ resolvers: [RequiringResolver], orphanedTypes: [AdminUnitWithAreaAttributes] }));
    expect(sdl.match(/@key\(fields: "id"\)/g)).toHaveLength(1);
    for (const field of AREA_ATTRIBUTES.split(' ')) expect(sdl).toMatch(new RegExp(`\\b${field}: [A-Za-z!]+ @external`));
    expect(sdl).toContain(`areaLabel: String! @requires(fields: "${AREA_ATTRIBUTES}")`);
  });

  it('gives a key-only subgraph no @external field (Federation 2 refuses unused ones)', async () => {
    const sdl = printSubgraphSchema(await buildFederatedSchema({ resolvers: [KeyOnlyResolver], orphanedTypes: [AdminUnitRef] }));
    expect(sdl).toContain('@key(fields: "id")');
    expect(sdl).not.toMatch(/: [A-Za-z![\]]+ @external/);
  });

  it('resolves a reference into the subgraph class, keeping the fields the gateway sent', () => {
    const resolve = adminUnitReferenceResolver(AdminUnitWithAreaAttributes).AdminUnit.__resolveReference;
    const unit = resolve({ id: '17380@2025-03-01', region: 'BTB', mountainous: true });
    expect(unit).toBeInstanceOf(AdminUnitWithAreaAttributes);
    expect(unit).toMatchObject({ id: '17380@2025-03-01', region: 'BTB', mountainous: true });
  });
});
