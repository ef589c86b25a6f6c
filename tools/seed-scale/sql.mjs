// SQL expression builders for set-based generation.

// Deterministic pseudo-random numbers in SQL: a non-negative hash of (row number, salt).
export const h = (expr, salt) => `(hashint8((${expr})::bigint * 31 + ${salt}) & 2147483647)`;
export const pick = (arr, expr, salt) => `(${arr})[1 + ${h(expr, salt)} % array_length(${arr}, 1)]`;
export const lit = (items) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]::text[]`;
