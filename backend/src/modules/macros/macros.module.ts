import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { MACRO_LOOKUP, TicketsModule } from '../tickets';
import { MacrosController } from './api/macros.controller';
import { MacrosService } from './application/macros.service';
import { Macro } from './domain/macro.entity';

/** Global only to provide MACRO_LOOKUP to the tickets module (which must not import this one). */
@Global()
@Module({
  imports: [MikroOrmModule.forFeature([Macro]), IdentityModule, TicketsModule],
  controllers: [MacrosController],
  providers: [MacrosService, { provide: MACRO_LOOKUP, useExisting: MacrosService }],
  exports: [MacrosService, MACRO_LOOKUP],
})
export class MacrosModule {}
