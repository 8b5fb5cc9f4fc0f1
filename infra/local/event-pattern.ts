import { BlockList, isIP } from 'node:net';

/**
 * EventBridge event-pattern matching for the local bus, with the semantics of the real service
 * (which runs aws/event-ruler):
 *
 * - A pattern is a JSON object. Every field in it must match (AND). A field's value is either a
 *   nested object (descend into the event) or a non-empty array of conditions, any of which may
 *   match (OR). `$or: [ {…}, {…} ]` (two or more sub-patterns) matches if any sub-pattern does.
 * - Event arrays are "crushed out": a leaf matches if any element of an event array matches, and
 *   a nested pattern matches an array of objects if one element matches all of it (array
 *   consistency: two fields are never satisfied by different elements of the same array).
 * - Only leaves (strings, numbers, booleans, null) are values. A field whose event value is an
 *   object, an empty array or missing has no value: only `{ "exists": false }` matches it.
 * - String operators (prefix, suffix, equals-ignore-case, wildcard, cidr) only match strings;
 *   `numeric` only matches JSON numbers; exact values match by type and value (`"5"` ≠ `5`).
 * - `anything-but` matches every value that is not excluded, including values of another type
 *   (`{ "anything-but": "x" }` matches `5` and `null`), but never a missing field.
 */

export type EventPattern = Record<string, unknown>;

/** Thrown by `matchesPattern` for a pattern EventBridge would refuse; `errors` lists why. */
export class InvalidEventPatternError extends Error {
  constructor(readonly errors: string[]) {
    super(`Invalid event pattern: ${errors.join('; ')}`);
    this.name = 'InvalidEventPatternError';
  }
}

type Leaf = string | number | boolean | null;
type Operator = (argument: never, value: Leaf) => boolean;

const OR = '$or';

/** True if `event` matches the EventBridge `pattern`. Throws InvalidEventPatternError for a bad pattern. */
export function matchesPattern(pattern: unknown, event: object): boolean {
  const errors = validatePattern(pattern);
  if (errors.length > 0) throw new InvalidEventPatternError(errors);
  return matchesObject(pattern as EventPattern, event);
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

function matchesObject(pattern: EventPattern, node: unknown): boolean {
  return Object.entries(pattern).every(([key, sub]) => {
    if (key === OR && isOrList(sub)) return sub.some((alternative) => matchesObject(alternative, node));
    const value = isPlainObject(node) ? node[key] : undefined;
    return Array.isArray(sub) ? matchesLeaf(sub, leafValues(value)) : matchesNested(sub as EventPattern, value);
  });
}

/** A nested pattern against an object, or against an array of objects (one element must match it all). */
function matchesNested(pattern: EventPattern, value: unknown): boolean {
  const objects = objectsIn(value);
  if (objects.length === 0) return matchesObject(pattern, {});
  return objects.some((object) => matchesObject(pattern, object));
}

function matchesLeaf(conditions: unknown[], values: Leaf[]): boolean {
  return conditions.some((condition) => matchesCondition(condition, values));
}

function matchesCondition(condition: unknown, values: Leaf[]): boolean {
  if (!isPlainObject(condition)) return values.some((value) => value === condition);
  const [name, argument] = Object.entries(condition)[0];
  if (name === 'exists') return argument === values.length > 0;
  const operator = OPERATORS[name] as (argument: unknown, value: Leaf) => boolean;
  return values.some((value) => operator(argument, value));
}

const OPERATORS: Record<string, Operator> = {
  prefix: matchesPrefix,
  suffix: matchesSuffix,
  'equals-ignore-case': matchesEqualsIgnoreCase,
  wildcard: matchesWildcard,
  numeric: matchesNumeric,
  cidr: matchesCidr,
  'anything-but': matchesAnythingBut,
};

type AffixArgument = string | { 'equals-ignore-case': string };

function matchesPrefix(argument: AffixArgument, value: Leaf): boolean {
  if (typeof value !== 'string') return false;
  if (typeof argument === 'string') return value.startsWith(argument);
  return fold(value).startsWith(fold(argument['equals-ignore-case']));
}

function matchesSuffix(argument: AffixArgument, value: Leaf): boolean {
  if (typeof value !== 'string') return false;
  if (typeof argument === 'string') return value.endsWith(argument);
  return fold(value).endsWith(fold(argument['equals-ignore-case']));
}

function matchesEqualsIgnoreCase(argument: string, value: Leaf): boolean {
  return typeof value === 'string' && fold(value) === fold(argument);
}

function matchesWildcard(argument: string, value: Leaf): boolean {
  return typeof value === 'string' && wildcardRegExp(argument).test(value);
}

function matchesNumeric(argument: (string | number)[], value: Leaf): boolean {
  if (typeof value !== 'number') return false;
  for (let i = 0; i < argument.length; i += 2) {
    if (!compare(value, argument[i] as string, argument[i + 1] as number)) return false;
  }
  return true;
}

function matchesCidr(argument: string, value: Leaf): boolean {
  const family = typeof value === 'string' ? isIP(value) : 0;
  if (family === 0) return false;
  return cidrBlock(argument).check(value as string, family === 4 ? 'ipv4' : 'ipv6');
}

type AnythingButArgument =
  | string
  | number
  | (string | number)[]
  | { prefix: string }
  | { suffix: string }
  | { 'equals-ignore-case': string | string[] }
  | { wildcard: string | string[] };

function matchesAnythingBut(argument: AnythingButArgument, value: Leaf): boolean {
  if (Array.isArray(argument)) return !argument.includes(value as string | number);
  if (!isPlainObject(argument)) return value !== argument;
  const [name, excluded] = Object.entries(argument)[0] as [string, string | string[]];
  const excludedList = Array.isArray(excluded) ? excluded : [excluded];
  return !excludedList.some((one) => (OPERATORS[name] as (argument: unknown, value: Leaf) => boolean)(one, value));
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

type Validator = (argument: unknown) => string | undefined;

const VALIDATORS: Record<string, Validator> = {
  exists: (argument) => (typeof argument === 'boolean' ? undefined : 'exists takes true or false'),
  prefix: (argument) => validateAffix('prefix', argument),
  suffix: (argument) => validateAffix('suffix', argument),
  'equals-ignore-case': (argument) =>
    typeof argument === 'string' ? undefined : 'equals-ignore-case takes a string',
  wildcard: validateWildcard,
  numeric: validateNumeric,
  cidr: validateCidr,
  'anything-but': validateAnythingBut,
};

/** The reasons EventBridge would refuse `pattern`; an empty list means it is valid. */
export function validatePattern(pattern: unknown): string[] {
  if (!isPlainObject(pattern)) return ['the pattern must be a JSON object'];
  const errors: string[] = [];
  validateObject(pattern, '', errors);
  return errors;
}

function validateObject(pattern: EventPattern, path: string, errors: string[]): void {
  const entries = Object.entries(pattern);
  if (entries.length === 0) errors.push(`${path || 'pattern'}: an empty object matches nothing`);
  for (const [key, sub] of entries) {
    const at = path ? `${path}.${key}` : key;
    if (key === OR && isOrList(sub)) {
      sub.forEach((alternative, i) => validateObject(alternative, `${at}[${i}]`, errors));
    } else if (key === OR && Array.isArray(sub) && sub.length > 0 && sub.every(isPlainObject)) {
      errors.push(`${at}: $or needs at least two sub-patterns, none using an operator name as a field`);
    } else if (Array.isArray(sub)) {
      validateLeaf(sub, at, errors);
    } else if (isPlainObject(sub)) {
      validateObject(sub, at, errors);
    } else {
      errors.push(`${at}: must be an object or an array of values`);
    }
  }
}

function validateLeaf(conditions: unknown[], path: string, errors: string[]): void {
  if (conditions.length === 0) errors.push(`${path}: empty arrays are not allowed`);
  conditions.forEach((condition, i) => {
    const at = `${path}[${i}]`;
    if (Array.isArray(condition)) errors.push(`${at}: nested arrays are not allowed`);
    else if (isPlainObject(condition)) validateCondition(condition, at, errors);
    else if (typeof condition === 'number' && !Number.isFinite(condition)) errors.push(`${at}: not a JSON number`);
    else if (!isLeaf(condition)) errors.push(`${at}: must be a string, number, boolean, null or operator`);
  });
}

function validateCondition(condition: Record<string, unknown>, path: string, errors: string[]): void {
  const names = Object.keys(condition);
  if (names.length !== 1) {
    errors.push(`${path}: a condition has exactly one operator, got ${names.length} (${names.join(', ')})`);
    return;
  }
  const validator = VALIDATORS[names[0]];
  const error = validator ? validator(condition[names[0]]) : `unknown operator "${names[0]}"`;
  if (error) errors.push(`${path}: ${error}`);
}

function validateAffix(name: string, argument: unknown): string | undefined {
  if (typeof argument === 'string') return undefined;
  if (isPlainObject(argument) && Object.keys(argument).length === 1) {
    if (typeof argument['equals-ignore-case'] === 'string') return undefined;
  }
  return `${name} takes a string or { "equals-ignore-case": string }`;
}

function validateWildcard(argument: unknown): string | undefined {
  if (typeof argument !== 'string') return 'wildcard takes a string';
  for (let i = 0; i < argument.length; i++) {
    const char = argument[i];
    if (char === '*' && argument[i + 1] === '*') return `wildcard "${argument}" has consecutive * characters`;
    if (char !== '\\') continue;
    const next = argument[i + 1];
    if (next !== '*' && next !== '\\') return `wildcard "${argument}": a backslash may only escape * or \\`;
    i++;
  }
  return undefined;
}

const NUMERIC_OPERATORS = ['=', '<', '<=', '>', '>='];

function validateNumeric(argument: unknown): string | undefined {
  if (!Array.isArray(argument) || argument.length === 0) return 'numeric takes ["op", number] or a range';
  if (argument.length !== 2 && argument.length !== 4) {
    return `numeric takes one or two comparisons, got ${JSON.stringify(argument)}`;
  }
  for (let i = 0; i < argument.length; i += 2) {
    if (!NUMERIC_OPERATORS.includes(argument[i])) return `unknown numeric operator ${JSON.stringify(argument[i])}`;
    if (typeof argument[i + 1] !== 'number' || !Number.isFinite(argument[i + 1])) {
      return `numeric ${argument[i]} needs a number, got ${JSON.stringify(argument[i + 1])}`;
    }
  }
  if (argument.length === 4) {
    const [low, bottom, high, top] = argument as [string, number, string, number];
    if (low !== '>' && low !== '>=') return 'a numeric range starts with > or >= (the lower bound)';
    if (high !== '<' && high !== '<=') return 'a numeric range ends with < or <= (the upper bound)';
    if (!(bottom < top)) return `numeric range bottom ${bottom} must be less than top ${top}`;
  }
  return undefined;
}

function validateCidr(argument: unknown): string | undefined {
  if (typeof argument !== 'string') return 'cidr takes a string like "10.0.0.0/24"';
  const [address, bits, ...rest] = argument.split('/');
  const family = isIP(address);
  const maxBits = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? maxBits : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (family === 0 || rest.length > 0 || !(prefix >= 0 && prefix <= maxBits)) {
    return `cidr "${argument}" is not an IP address range`;
  }
  return undefined;
}

const ANYTHING_BUT_NESTED: Record<string, 'string' | 'string-or-list'> = {
  prefix: 'string',
  suffix: 'string',
  'equals-ignore-case': 'string-or-list',
  wildcard: 'string-or-list',
};

function validateAnythingBut(argument: unknown): string | undefined {
  if (typeof argument === 'string') return undefined;
  if (typeof argument === 'number') return Number.isFinite(argument) ? undefined : 'anything-but: not a JSON number';
  if (Array.isArray(argument)) {
    if (argument.length === 0) return 'anything-but: empty arrays are not allowed';
    const allStrings = argument.every((one) => typeof one === 'string');
    const allNumbers = argument.every((one) => typeof one === 'number' && Number.isFinite(one));
    return allStrings || allNumbers ? undefined : 'anything-but lists must hold only strings or only numbers';
  }
  if (!isPlainObject(argument)) return 'anything-but takes a string, a number, a list or an operator object';
  const names = Object.keys(argument);
  const kind = names.length === 1 ? ANYTHING_BUT_NESTED[names[0]] : undefined;
  if (!kind) return `anything-but takes one of prefix, suffix, equals-ignore-case, wildcard; got ${names.join(', ') || 'nothing'}`;
  const nested = argument[names[0]];
  const list = kind === 'string-or-list' && Array.isArray(nested) ? nested : [nested];
  if (list.length === 0 || !list.every((one) => typeof one === 'string')) {
    return `anything-but ${names[0]} takes ${kind === 'string' ? 'a string' : 'a string or a list of strings'}`;
  }
  return names[0] === 'wildcard' ? list.map(validateWildcard).find(Boolean) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLeaf(value: unknown): value is Leaf {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** `$or` is an OR only with two or more sub-patterns that use no operator name as a field. */
function isOrList(value: unknown): value is EventPattern[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((one) => isPlainObject(one) && !Object.keys(one).some((key) => key in VALIDATORS))
  );
}

/** The leaf values at a field: arrays are flattened, objects are not values. */
function leafValues(value: unknown): Leaf[] {
  if (Array.isArray(value)) return value.flatMap(leafValues);
  return value === undefined || isPlainObject(value) ? [] : [value as Leaf];
}

function objectsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  return isPlainObject(value) ? [value] : [];
}

function fold(text: string): string {
  return text.toLowerCase();
}

function compare(value: number, operator: string, bound: number): boolean {
  switch (operator) {
    case '=':
      return value === bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    default:
      return value >= bound;
  }
}

const wildcards = new Map<string, RegExp>();

/** `*` matches any run of characters; `\*` is a literal `*` and `\\` a literal backslash. */
function wildcardRegExp(wildcard: string): RegExp {
  let regExp = wildcards.get(wildcard);
  if (!regExp) {
    let source = '';
    for (let i = 0; i < wildcard.length; i++) {
      const char = wildcard[i] === '\\' ? wildcard[++i] : wildcard[i] === '*' ? null : wildcard[i];
      source += char === null ? '.*' : char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
    regExp = new RegExp(`^${source}$`, 's');
    wildcards.set(wildcard, regExp);
  }
  return regExp;
}

const cidrBlocks = new Map<string, BlockList>();

function cidrBlock(cidr: string): BlockList {
  let block = cidrBlocks.get(cidr);
  if (!block) {
    const [address, bits] = cidr.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    block = new BlockList();
    block.addSubnet(address, bits === undefined ? (family === 'ipv4' ? 32 : 128) : Number(bits), family);
    cidrBlocks.set(cidr, block);
  }
  return block;
}
