import type { NewEvent } from '../../events/catalog';
import type { MailingKind } from '../../events/mailing';
import type { Decider } from '../decider';
import { ConflictError } from '../errors';

/** Stream category of mailings: `mailing#<mailingId>`. */
export const MAILING_CATEGORY = 'mailing';

/** Staff ask for a mailing to the customers of explicit contracts. */
export interface RequestMailing {
  type: 'RequestMailing';
  mailingId: string;
  kind: MailingKind;
  subject: string;
  text: string;
  contractIds: string[];
}

export type MailingCommand = RequestMailing;

export interface MailingState {
  /** What was asked for, once it was. */
  requested?: Omit<RequestMailing, 'type'>;
}

const sameMailing = (a: Omit<RequestMailing, 'type'>, b: Omit<RequestMailing, 'type'>): boolean =>
  a.kind === b.kind &&
  a.subject === b.subject &&
  a.text === b.text &&
  a.contractIds.length === b.contractIds.length &&
  a.contractIds.every((id, i) => id === b.contractIds[i]);

/**
 * A mailing is asked for once. The same mailing again (a retried request) records nothing; other
 * content under an id already used is refused (409 `mailing_exists`): a mailing is never changed
 * after it went out.
 */
export const mailingDecider: Decider<MailingCommand, MailingState> = {
  initialState: {},
  evolve: (state, event) =>
    event.type === 'MailingRequested'
      ? { requested: { mailingId: event.payload.mailingId, kind: event.payload.kind, subject: event.payload.subject, text: event.payload.text, contractIds: event.payload.audience.contractIds } }
      : state,
  decide: (command, state): NewEvent[] => {
    const { type: _type, ...asked } = command;
    if (state.requested) {
      if (sameMailing(state.requested, asked)) return [];
      throw new ConflictError('mailing_exists', `The mailing ${command.mailingId} was already sent with other content; choose another mailing id.`);
    }
    const { mailingId, kind, subject, text, contractIds } = asked;
    return [{ type: 'MailingRequested', payload: { mailingId, kind, subject, text, audience: { contractIds } } }];
  },
};
