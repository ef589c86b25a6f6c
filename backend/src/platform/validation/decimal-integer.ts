import { Transform } from 'class-transformer';

/** A query-string integer as people write it: decimal digits only, no sign, spaces, exponent, fraction or hex. */
const DECIMAL_INTEGER = /^(0|[1-9][0-9]{0,14})$/;

/**
 * Turns a decimal query-string integer into a number and leaves anything else as it came, so the
 * field's `@IsInt` rejects it with its own message. `Number()` alone would take `0x10`, `1e1`,
 * `10.0` and ` 10` for integers.
 */
export function DecimalInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value,
  );
}
