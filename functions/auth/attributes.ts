/**
 * The custom attribute of the staff user pool that names the distributor a distributor agent
 * (`agent-l0`) works for. Only administrators set it; the app client may not write it.
 */
export const DISTRIBUTOR_ATTRIBUTE_NAME = 'distributorId';

/** The same attribute as Cognito spells it in user attributes and trigger events. */
export const DISTRIBUTOR_ATTRIBUTE = `custom:${DISTRIBUTOR_ATTRIBUTE_NAME}`;
