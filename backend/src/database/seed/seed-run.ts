/** Runs one statement of the demo seeding, in its transaction (`?` placeholders, as MikroORM's connection takes them). */
export type SeedRun = <T = unknown>(query: string, params?: unknown[]) => Promise<T>;
