/**
 * Dutch text of the accessibility statement (issue 18, /toegankelijkheid). Kept in its own file so
 * the main dictionary only gains one key (`accessibility`). What it says must follow the tests:
 * tests/e2e/a11y.test.ts, tests/e2e/keyboard.test.ts and tests/unit/reportAccessibility.test.ts.
 */
export const accessibilityNl = {
  footerLink: 'Toegankelijkheid',
  title: 'Toegankelijkheidsverklaring',
  intro:
    'Casusbord moet bruikbaar zijn voor iedereen die aan een intervisie of casusdag meedoet, ook wie met het toetsenbord werkt, een schermlezer gebruikt of de tekst vergroot. Deze pagina beschrijft de software zelf. Een gemeente die Casusbord aanbiedt, publiceert daarnaast haar eigen verklaring met haar contactgegevens.',
  standardHeading: 'Welke norm',
  standard:
    'We toetsen aan EN 301 549, de Europese norm die Nederlandse overheden moeten volgen. Voor webpagina’s en documenten komt die neer op de WCAG 2.1, niveau A en AA.',
  status:
    'Casusbord voldoet gedeeltelijk: de automatische tests hieronder slagen, maar niet alles is getest en er zijn bekende afwijkingen.',
  testedHeading: 'Wat we testen, en wanneer',
  testedIntro:
    'Deze tests horen bij de volledige automatische testronde, die ook in CI draait, in de Chromium-browser.',
  tested: [
    'axe-core (de regels voor WCAG 2 A en AA en goede praktijken) op de startpagina, de aanmeldpagina met code, het bord van een deelnemer en van de casusinbrenger, het scherm van de procesbegeleider, het beamerscherm, het bord en het begeleidersscherm vóór de start, het adviesrapport en deze pagina. Elke bevinding met de ernst „serious” of „critical” laat de test falen.',
    'De startpagina, de aanmeldpagina, het bord van een deelnemer, het begeleidersscherm, het rapport en deze pagina ook in het Engels, zodat ook de Engelse labels en de taalaanduiding kloppen.',
    'Het archief van een community en het bord met de terugblik, ook met axe-core.',
    'Breedtes van een laptop en een tablet staand en liggend (1280, 1024 en 768 pixels): niets schuift zijwaarts en de koppen overlappen elkaar niet.',
    'Alleen het toetsenbord: een kaart toevoegen, bewerken, een stip geven en in een cluster zetten, als begeleider naar de volgende ronde gaan en als casusinbrenger reageren, zonder één muisklik. Bij elke stap is zichtbaar waar de focus staat.',
    'Een kaart naar een cluster slepen met een vinger (een tablet liggend en staand, 1024 en 768 pixels breed), met de muis en met het toetsenbord (spatie, pijltjestoetsen, spatie). Schermlezers horen waar de kaart is; een andere deelnemer ziet hem in het cluster.',
    'Schermlezers horen een nieuwe kaart van een ander en het begin van de laatste minuut van een ronde (live-regio’s).',
    'Het rapport als PDF is getagd: koppen, lijsten, figuren met een tekstalternatief, de taal en de titel. We lezen het terug met de structuurboom en de tekst in leesvolgorde. Het Word-bestand gebruikt echte kopstijlen, tabellen met een kopregel en een tekstalternatief bij de grafieken.',
  ],
  knownHeading: 'Wat (nog) niet voldoet of niet getest is',
  known: [
    'Er is niet getest met een schermlezer (NVDA, JAWS, VoiceOver of TalkBack) en niet door een mens met een beperking. axe-core vindt maar een deel van de problemen.',
    'Kaarten slepen met een vinger is getest in Chromium dat een tablet nabootst, niet op een echte tablet en niet in Safari op een iPad. Het keuzemenu „cluster” op de kaart doet hetzelfde zonder slepen.',
    'Het beamerscherm is alleen in het Nederlands en zonder de breedtetest gecontroleerd; het is bedoeld voor een projector.',
    'Een ronde heeft een klok. Alleen de procesbegeleider kan hem stilzetten of verlengen; een deelnemer kan dat niet zelf vragen in de software.',
    'De PDF is niet gecontroleerd met een PDF/UA-validator (zoals veraPDF of PAC). De grafieken in Word zijn tabellen met balkjes van blokkarakters; sommige schermlezers lezen die tekens voor. Het aantal stippen staat als getal ernaast.',
    'De pagina „niet gevonden” valt buiten de automatische tests.',
  ],
  reportHeading: 'Het adviesrapport',
  report:
    'De casusinbrenger krijgt het rapport als webpagina, Word-document, PDF en Markdown. De webpagina is het meest toegankelijk; Word en PDF volgen hem met koppen, lijsten, tabellen en tekstalternatieven.',
  feedbackHeading: 'Iets gevonden?',
  feedback:
    'Loop je tegen een drempel aan, meld het dan bij de gemeente of organisatie die jou voor de bijeenkomst uitnodigde. Zij kunnen het aan de makers van Casusbord doorgeven.',
  updated: (date: string) => `Deze verklaring is bijgewerkt op ${date}.`,
  backHome: 'Naar de startpagina',
};
