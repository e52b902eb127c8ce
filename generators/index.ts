// fast-check generators derived from the contract (specs/): valid values and
// requests, function-name forms, destinations, single-fault invalid requests,
// and the values of the validation rules' edges. Limits and patterns are read
// from the schema, never restated.
export * from './contract/members.ts';
export * from './contract/parts.ts';
export * from './values/placement.ts';
export * from './values/integer-member.ts';
export * from './values/string-member.ts';
export * from './values/retry-attempts.ts';
export * from './values/event-age.ts';
export * from './values/max-items.ts';
export * from './values/marker.ts';
export * from './values/qualifier.ts';
export * from './values/embeddable-qualifier.ts';
export * from './values/function-name.ts';
export * from './values/destination.ts';
export * from './values/destination-config.ts';
export * from './values/settings.ts';
export * from './values/member-value.ts';
export * from './values/of-length.ts';
export * from './names/function-name-forms.ts';
export * from './requests/types.ts';
export * from './requests/put.ts';
export * from './requests/update.ts';
export * from './requests/get.ts';
export * from './requests/delete.ts';
export * from './requests/list.ts';
export * from './requests/valid-request.ts';
export * from './requests/minimal.ts';
export * from './faults/fault.ts';
export * from './faults/out-of-range.ts';
export * from './faults/wrong-length.ts';
export * from './faults/pattern-breaker.ts';
export * from './faults/fault-kinds.ts';
export * from './faults/single-fault.ts';
export * from './faults/edge-value.ts';
export * from './faults/message.ts';
export * from './faults/wire-type.ts';
