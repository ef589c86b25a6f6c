import { Body, Controller, Delete, Module, Param, Post } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { Test } from '@nestjs/testing';
import { markBodylessRoutes, NO_BODY, unexpectedBodyErrors } from './no-body';

@Controller('things')
class ThingsController {
  @Post(':id/close')
  close(@Param('id') id: string) {
    return id;
  }

  @Post()
  create(@Body() body: unknown) {
    return body;
  }

  @Delete(':id')
  remove() {
    return undefined;
  }

  helper() {
    return 'not a route';
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('bodyless routes', () => {
  it('are the route handlers that declare no @Body()', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ThingsModule] }).compile();
    markBodylessRoutes(moduleRef);
    const config = (name: keyof ThingsController) =>
      Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, ThingsController.prototype[name]);
    expect(config('close')).toEqual({ [NO_BODY]: true });
    expect(config('remove')).toEqual({ [NO_BODY]: true });
    expect(config('create')).toBeUndefined();
    expect(config('helper')).toBeUndefined();
  });

  it('take no body, an empty body or {}, and name whatever else was sent', () => {
    expect(unexpectedBodyErrors(undefined)).toBeUndefined();
    expect(unexpectedBodyErrors({})).toBeUndefined();
    expect(unexpectedBodyErrors({ closedAt: 'now', x: 1 })).toEqual([
      { field: 'closedAt', message: 'closedAt is not an allowed field' },
      { field: 'x', message: 'x is not an allowed field' },
    ]);
    for (const body of [[], [{}], 1, 's', null, true])
      expect(unexpectedBodyErrors(body)).toEqual([
        { field: 'body', message: expect.stringContaining('no request body') },
      ]);
  });
});
