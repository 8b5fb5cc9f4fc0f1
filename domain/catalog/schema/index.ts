/** The catalog schema, one file per part. */
export * from './addons';
export * from './basics';
export * from './catalog';
export * from './contacts';
export * from './credit';
export * from './entitlements';
export * from './late-renewal';
export * from './levels';
export * from './plans';
export * from './rates';
export * from './regions';
export * from './registration';
export * from './renewal';
export * from './sla';
export * from './vat';
