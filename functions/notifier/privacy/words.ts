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
    /** Opting out of marketing stops only marketing. */
    optedOut: string;
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
      objection: 'an objection to the processing of your personal data',
      portability: 'your personal data in a machine-readable form',
      'marketing-opt-out': 'no more marketing e-mails',
    },
    confirm: {
      subject: 'Please confirm your privacy request',
      body: (right, until) => `We received this request for this e-mail address: ${right}. To confirm that it is yours, open the link below by ${until}:`,
      link: (url) => url,
      ignore: 'If you did not send this request, ignore this e-mail: nothing will happen.',
    },
    done: {
      subject: 'Your privacy request has been answered',
      exported: 'You received your personal data as a download when you confirmed your request.',
      limited: 'We have stopped the processing you asked us to stop: marketing e-mails, surveys and analytics, as your request covers. E-mails your agreement needs and product-safety notices still reach you.',
      optedOut: 'We will send you no more marketing e-mails. E-mails your agreement needs and product-safety notices still reach you.',
      rectified: (note) => `We have corrected your personal data:\n${note}`,
      refused: (note) => `We cannot carry out your request, for this reason:\n${note}`,
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
      objection: 'ein Widerspruch gegen die Verarbeitung Ihrer personenbezogenen Daten',
      portability: 'Ihre personenbezogenen Daten in einem maschinenlesbaren Format',
      'marketing-opt-out': 'keine Werbe-E-Mails mehr',
    },
    confirm: {
      subject: 'Bitte bestätigen Sie Ihre Datenschutzanfrage',
      body: (right, until) => `wir haben für diese E-Mail-Adresse folgende Anfrage erhalten: ${right}. Um zu bestätigen, dass sie von Ihnen stammt, öffnen Sie bis ${until} den folgenden Link:`,
      link: (url) => url,
      ignore: 'Wenn Sie diese Anfrage nicht gestellt haben, ignorieren Sie diese E-Mail: Es geschieht nichts.',
    },
    done: {
      subject: 'Ihre Datenschutzanfrage ist beantwortet',
      exported: 'Sie haben Ihre personenbezogenen Daten bei der Bestätigung Ihrer Anfrage als Download erhalten.',
      limited: 'wir haben die Verarbeitung eingestellt, die Ihre Anfrage betrifft: Werbe-E-Mails, Umfragen und Analysen. E-Mails, die Ihr Vertrag erfordert, und Produktsicherheitshinweise erhalten Sie weiterhin.',
      optedOut: 'wir senden Ihnen keine Werbe-E-Mails mehr. E-Mails, die Ihr Vertrag erfordert, und Produktsicherheitshinweise erhalten Sie weiterhin.',
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
      objection: 'une opposition au traitement de vos données personnelles',
      portability: 'vos données personnelles dans un format lisible par machine',
      'marketing-opt-out': 'l’arrêt des e-mails commerciaux',
    },
    confirm: {
      subject: 'Veuillez confirmer votre demande relative à vos données',
      body: (right, until) => `Nous avons reçu pour cette adresse e-mail la demande suivante : ${right}. Pour confirmer qu’elle vient de vous, ouvrez le lien ci-dessous d’ici le ${until} :`,
      link: (url) => url,
      ignore: 'Si vous n’avez pas fait cette demande, ignorez cet e-mail : rien ne se passera.',
    },
    done: {
      subject: 'Votre demande relative à vos données a reçu une réponse',
      exported: 'Vous avez reçu vos données personnelles en téléchargement lors de la confirmation de votre demande.',
      limited: 'Nous avons arrêté les traitements visés par votre demande : e-mails commerciaux, enquêtes et analyses. Les e-mails nécessaires à votre contrat et les avis de sécurité des produits vous parviennent toujours.',
      optedOut: 'Nous ne vous enverrons plus d’e-mails commerciaux. Les e-mails nécessaires à votre contrat et les avis de sécurité des produits vous parviennent toujours.',
      rectified: (note) => `Nous avons rectifié vos données personnelles :\n${note}`,
      refused: (note) => `Nous ne pouvons pas donner suite à votre demande, pour la raison suivante :\n${note}`,
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
      objection: 'invändning mot behandlingen av dina personuppgifter',
      portability: 'dina personuppgifter i maskinläsbar form',
      'marketing-opt-out': 'inga fler marknadsföringsmejl',
    },
    confirm: {
      subject: 'Bekräfta din begäran om personuppgifter',
      body: (right, until) => `Vi har fått följande begäran för den här e-postadressen: ${right}. Öppna länken nedan senast ${until} för att bekräfta att den kommer från dig:`,
      link: (url) => url,
      ignore: 'Om du inte har skickat begäran kan du bortse från det här mejlet: ingenting händer.',
    },
    done: {
      subject: 'Din begäran om personuppgifter är besvarad',
      exported: 'Du fick dina personuppgifter som nedladdning när du bekräftade din begäran.',
      limited: 'Vi har slutat med den behandling som din begäran gäller: marknadsföringsmejl, enkäter och analys. Mejl som ditt avtal kräver och meddelanden om produktsäkerhet får du fortfarande.',
      optedOut: 'Vi skickar inga fler marknadsföringsmejl till dig. Mejl som ditt avtal kräver och meddelanden om produktsäkerhet får du fortfarande.',
      rectified: (note) => `Vi har rättat dina personuppgifter:\n${note}`,
      refused: (note) => `Vi kan inte genomföra din begäran, av följande skäl:\n${note}`,
    },
  },
  pl: {
    hello: 'Dzień dobry,',
    signature: 'Z poważaniem\nOchrona danych, zespół wsparcia',
    rights: {
      access: 'kopia danych osobowych, które o Panu/Pani przechowujemy',
      rectification: 'sprostowanie danych osobowych',
      erasure: 'usunięcie danych osobowych',
      restriction: 'ograniczenie przetwarzania danych osobowych',
      objection: 'sprzeciw wobec przetwarzania danych osobowych',
      portability: 'dane osobowe w formacie do odczytu maszynowego',
      'marketing-opt-out': 'rezygnacja z e-maili marketingowych',
    },
    confirm: {
      subject: 'Prosimy o potwierdzenie wniosku dotyczącego danych osobowych',
      body: (right, until) => `Otrzymaliśmy dla tego adresu e-mail następujący wniosek: ${right}. Aby potwierdzić, że pochodzi od Pana/Pani, prosimy otworzyć poniższy link do ${until}:`,
      link: (url) => url,
      ignore: 'Jeśli nie składał(a) Pan/Pani tego wniosku, prosimy zignorować tę wiadomość: nic się nie stanie.',
    },
    done: {
      subject: 'Odpowiedź na wniosek dotyczący danych osobowych',
      exported: 'Dane osobowe zostały udostępnione do pobrania przy potwierdzeniu wniosku.',
      limited: 'Wstrzymaliśmy przetwarzanie objęte wnioskiem: e-maile marketingowe, ankiety i analizy. E-maile wymagane przez umowę oraz informacje o bezpieczeństwie produktów będą nadal wysyłane.',
      optedOut: 'Nie będziemy już wysyłać e-maili marketingowych. E-maile wymagane przez umowę oraz informacje o bezpieczeństwie produktów będą nadal wysyłane.',
      rectified: (note) => `Sprostowaliśmy dane osobowe:\n${note}`,
      refused: (note) => `Nie możemy zrealizować wniosku z następującego powodu:\n${note}`,
    },
  },
};
