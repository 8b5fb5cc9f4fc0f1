import type { Locale } from '../../../events/contract';
import type { PrivacyRight } from '../../../events/privacy';

/** What the privacy e-mails say to the person who made a request, per language. */
export interface PrivacyWords {
  hello: string;
  signature: string;
  rights: Record<PrivacyRight, string>;
  confirm: { subject: string; body(right: string, until: string): string; link(url: string): string; ignore: string };
  done: {
    subject: string;
    exported: string;
    limited: string;
    rectified(note: string): string;
    refused(note: string): string;
  };
}

export const privacyWords: Record<Locale, PrivacyWords> = {
  en: {
    hello: 'Hello,',
    signature: 'Kind regards,\nData protection, your support team',
    rights: {
      access: 'a copy of the personal data we hold about you',
      rectification: 'the correction of your personal data',
      erasure: 'the erasure of your personal data',
      restriction: 'the restriction of the processing of your personal data',
      objection: 'your objection to the processing of your personal data',
      portability: 'your personal data in a machine-readable form',
      'marketing-opt-out': 'no more marketing e-mails',
    },
    confirm: {
      subject: 'Please confirm your privacy request',
      body: (right, until) => `we received a request for ${right} for this e-mail address. To confirm that it is yours, open the link below by ${until}:`,
      link: (url) => url,
      ignore: 'If you did not send this request, ignore this e-mail: nothing will happen.',
    },
    done: {
      subject: 'Your privacy request has been answered',
      exported: 'you received your personal data as a download when you confirmed your request.',
      limited: 'we have stopped the processing you asked us to stop: marketing e-mails, surveys and analytics, as your request covers. E-mails your agreement needs and product-safety notices still reach you.',
      rectified: (note) => `we have corrected your personal data:\n${note}`,
      refused: (note) => `we cannot carry out your request, for this reason:\n${note}`,
    },
  },
  de: {
    hello: 'Guten Tag,',
    signature: 'Freundliche Grüße\nDatenschutz, Ihr Support-Team',
    rights: {
      access: 'eine Kopie der personenbezogenen Daten, die wir über Sie speichern',
      rectification: 'die Berichtigung Ihrer personenbezogenen Daten',
      erasure: 'die Löschung Ihrer personenbezogenen Daten',
      restriction: 'die Einschränkung der Verarbeitung Ihrer personenbezogenen Daten',
      objection: 'Ihren Widerspruch gegen die Verarbeitung Ihrer personenbezogenen Daten',
      portability: 'Ihre personenbezogenen Daten in einem maschinenlesbaren Format',
      'marketing-opt-out': 'keine Werbe-E-Mails mehr',
    },
    confirm: {
      subject: 'Bitte bestätigen Sie Ihre Datenschutzanfrage',
      body: (right, until) => `wir haben für diese E-Mail-Adresse eine Anfrage erhalten: ${right}. Um zu bestätigen, dass sie von Ihnen stammt, öffnen Sie bis ${until} den folgenden Link:`,
      link: (url) => url,
      ignore: 'Wenn Sie diese Anfrage nicht gestellt haben, ignorieren Sie diese E-Mail: Es geschieht nichts.',
    },
    done: {
      subject: 'Ihre Datenschutzanfrage ist beantwortet',
      exported: 'Sie haben Ihre personenbezogenen Daten bei der Bestätigung Ihrer Anfrage als Download erhalten.',
      limited: 'wir haben die Verarbeitung eingestellt, die Ihre Anfrage betrifft: Werbe-E-Mails, Umfragen und Analysen. E-Mails, die Ihr Vertrag erfordert, und Produktsicherheitshinweise erhalten Sie weiterhin.',
      rectified: (note) => `wir haben Ihre personenbezogenen Daten berichtigt:\n${note}`,
      refused: (note) => `wir können Ihre Anfrage aus folgendem Grund nicht ausführen:\n${note}`,
    },
  },
  fr: {
    hello: 'Bonjour,',
    signature: 'Meilleures salutations,\nProtection des données, votre équipe d’assistance',
    rights: {
      access: 'une copie des données personnelles que nous détenons à votre sujet',
      rectification: 'la rectification de vos données personnelles',
      erasure: 'l’effacement de vos données personnelles',
      restriction: 'la limitation du traitement de vos données personnelles',
      objection: 'votre opposition au traitement de vos données personnelles',
      portability: 'vos données personnelles dans un format lisible par machine',
      'marketing-opt-out': 'ne plus recevoir d’e-mails commerciaux',
    },
    confirm: {
      subject: 'Veuillez confirmer votre demande relative à vos données',
      body: (right, until) => `nous avons reçu pour cette adresse e-mail une demande concernant ${right}. Pour confirmer qu’elle vient de vous, ouvrez le lien ci-dessous d’ici le ${until} :`,
      link: (url) => url,
      ignore: 'Si vous n’avez pas fait cette demande, ignorez cet e-mail : rien ne se passera.',
    },
    done: {
      subject: 'Votre demande relative à vos données a reçu une réponse',
      exported: 'vous avez reçu vos données personnelles en téléchargement lors de la confirmation de votre demande.',
      limited: 'nous avons arrêté les traitements visés par votre demande : e-mails commerciaux, enquêtes et analyses. Les e-mails nécessaires à votre contrat et les avis de sécurité des produits vous parviennent toujours.',
      rectified: (note) => `nous avons rectifié vos données personnelles :\n${note}`,
      refused: (note) => `nous ne pouvons pas donner suite à votre demande, pour la raison suivante :\n${note}`,
    },
  },
  sv: {
    hello: 'Hej!',
    signature: 'Vänliga hälsningar\nDataskydd, ditt supportteam',
    rights: {
      access: 'en kopia av de personuppgifter vi har om dig',
      rectification: 'rättelse av dina personuppgifter',
      erasure: 'radering av dina personuppgifter',
      restriction: 'begränsning av behandlingen av dina personuppgifter',
      objection: 'din invändning mot behandlingen av dina personuppgifter',
      portability: 'dina personuppgifter i maskinläsbar form',
      'marketing-opt-out': 'inga fler marknadsföringsmejl',
    },
    confirm: {
      subject: 'Bekräfta din begäran om personuppgifter',
      body: (right, until) => `vi har fått en begäran om ${right} för den här e-postadressen. Öppna länken nedan senast ${until} för att bekräfta att den kommer från dig:`,
      link: (url) => url,
      ignore: 'Om du inte har skickat begäran kan du bortse från det här mejlet: ingenting händer.',
    },
    done: {
      subject: 'Din begäran om personuppgifter är besvarad',
      exported: 'du fick dina personuppgifter som nedladdning när du bekräftade din begäran.',
      limited: 'vi har slutat med den behandling som din begäran gäller: marknadsföringsmejl, enkäter och analys. Mejl som ditt avtal kräver och meddelanden om produktsäkerhet får du fortfarande.',
      rectified: (note) => `vi har rättat dina personuppgifter:\n${note}`,
      refused: (note) => `vi kan inte genomföra din begäran, av följande skäl:\n${note}`,
    },
  },
  pl: {
    hello: 'Dzień dobry,',
    signature: 'Z poważaniem\nOchrona danych, zespół wsparcia',
    rights: {
      access: 'kopii danych osobowych, które o Panu/Pani przechowujemy',
      rectification: 'sprostowania danych osobowych',
      erasure: 'usunięcia danych osobowych',
      restriction: 'ograniczenia przetwarzania danych osobowych',
      objection: 'sprzeciwu wobec przetwarzania danych osobowych',
      portability: 'danych osobowych w formacie do odczytu maszynowego',
      'marketing-opt-out': 'rezygnacji z e-maili marketingowych',
    },
    confirm: {
      subject: 'Prosimy o potwierdzenie wniosku dotyczącego danych osobowych',
      body: (right, until) => `otrzymaliśmy dla tego adresu e-mail wniosek dotyczący ${right}. Aby potwierdzić, że pochodzi od Pana/Pani, prosimy otworzyć poniższy link do ${until}:`,
      link: (url) => url,
      ignore: 'Jeśli nie składał(a) Pan/Pani tego wniosku, prosimy zignorować tę wiadomość: nic się nie stanie.',
    },
    done: {
      subject: 'Odpowiedź na wniosek dotyczący danych osobowych',
      exported: 'dane osobowe zostały udostępnione do pobrania przy potwierdzeniu wniosku.',
      limited: 'wstrzymaliśmy przetwarzanie objęte wnioskiem: e-maile marketingowe, ankiety i analizy. E-maile wymagane przez umowę oraz informacje o bezpieczeństwie produktów będą nadal wysyłane.',
      rectified: (note) => `sprostowaliśmy dane osobowe:\n${note}`,
      refused: (note) => `nie możemy zrealizować wniosku z następującego powodu:\n${note}`,
    },
  },
};
