import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Example } from '../entities/example.entity';
import { TemplateAdminUnit } from './types/admin-unit.type';

/** TEMPLATE: thin resolvers: arguments in, a service or loader call, the result out. */
@Resolver(() => Example)
export class ExampleResolver {
  @Query(() => Example, { nullable: true, description: 'One example by id (template).' })
  example(@Arg('id', () => ID, { description: 'Identifier.' }) id: string, @Ctx() ctx: Context): Promise<Example | null> {
    return ctx.services.examples.byId(Number(id));
  }

  @FieldResolver(() => TemplateAdminUnit, { description: 'The unit it belongs to (resolved by admin-units through the gateway).' })
  unit(@Root() example: Example): TemplateAdminUnit {
    return Object.assign(new TemplateAdminUnit(), { id: example.unitId });
  }
}

/** TEMPLATE: fields this subgraph adds to AdminUnit. */
@Resolver(() => TemplateAdminUnit)
export class AdminUnitExamplesResolver {
  @FieldResolver(() => [Example], { description: 'Examples attached to this unit (template).' })
  examples(@Root() unit: TemplateAdminUnit, @Ctx() ctx: Context): Promise<Example[]> {
    return ctx.loaders.examplesOfUnit.load(unit.id);
  }
}
