import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { MailError, Mailer } from '../../functions/mail/mailer';

describe('Mailer', () => {
  it('keeps the recipient out of the error when SES refuses a message', async () => {
    // The SES emulator accepts everything, so this one case uses a stand-in client that refuses.
    const refusing = {
      send: async () => {
        throw Object.assign(new Error('Email address is not verified: ada@example.com'), { name: 'MessageRejected', $metadata: { httpStatusCode: 400 } });
      },
    } as unknown as SESv2Client;
    const error = await new Mailer(refusing, 'support@example.test', 'set').send({ to: 'ada@example.com', subject: 's', text: 't', html: 'h' }).catch((e) => e);
    expect(error).toBeInstanceOf(MailError);
    expect(error.message).toBe('SES refused the e-mail: MessageRejected (HTTP 400)');
    expect(JSON.stringify(error)).not.toContain('ada@');
  });
});
