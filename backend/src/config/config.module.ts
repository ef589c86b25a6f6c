import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { CursorCodec } from '../platform/pagination/cursor';

/** Makes the validated AppConfig (and what derives from it) injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: CursorCodec, useValue: new CursorCodec(`cursor:${config.SESSION_SECRET}`) },
      ],
      exports: [AppConfig, CursorCodec],
    };
  }
}
