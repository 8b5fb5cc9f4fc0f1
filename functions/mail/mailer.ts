import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';

export interface Mail {
  /** One address, or several who get the same message. */
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  /** Extra message headers (e.g. List-Unsubscribe), sent as SES v2 simple-content headers. */
  headers?: { name: string; value: string }[];
}

/** A failed send, without the message text (which may contain an address). */
export class MailError extends Error {
  constructor(readonly reason: string, readonly httpStatus: number | undefined) {
    super(`SES refused the e-mail: ${reason}${httpStatus ? ` (HTTP ${httpStatus})` : ''}`);
    this.name = 'MailError';
  }
}

/** Sends through the SES v2 API, always with the configuration set (events, suppression, metrics). */
export class Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
    private readonly configurationSet: string,
  ) {}

  async send(mail: Mail): Promise<string | undefined> {
    try {
      return await this.sendOnce(mail);
    } catch (error) {
      // SES error messages can name the recipient: keep only what identifies the failure.
      const { name, $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
      throw new MailError(name, $metadata?.httpStatusCode);
    }
  }

  private async sendOnce(mail: Mail): Promise<string | undefined> {
    const { MessageId } = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: typeof mail.to === 'string' ? [mail.to] : mail.to },
        ConfigurationSetName: this.configurationSet,
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
            ...(mail.headers?.length ? { Headers: mail.headers.map((h) => ({ Name: h.name, Value: h.value })) } : {}),
          },
        },
      }),
    );
    return MessageId;
  }
}
