/** Dutch strings of the community booklet (issue 16), in the archive. */
export const bookletNl = {
  heading: 'Boekje maken',
  intro:
    'Het boekje bundelt per thema de lessen, bewegingen van → naar, de leeslijst, dilemma’s en citaten van een periode: wat een nieuwkomer als eerste leest.',
  from: 'Van',
  to: 'Tot en met',
  language: 'Taal van het boekje',
  languages: { nl: 'Nederlands', en: 'Engels' },
  format: 'Bestand',
  submit: 'Boekje maken',
  busy: 'Boekje wordt gemaakt…',
  done: (name: string) => `Het boekje is gedownload: ${name}`,
  failed: 'Het boekje kon niet worden gemaakt.',
  badPeriod: 'Kies twee geldige datums; de einddatum mag niet vóór de begindatum liggen.',
};
