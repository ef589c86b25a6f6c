import { Macro } from './domain/macro.entity';

export { MacrosModule } from './macros.module';
export { MacrosService } from './application/macros.service';

/** The entities this module owns, for the ORM's root configuration. */
export const MACROS_ENTITIES = [Macro];
