import type { ProviderType } from './demo-registry.js';
import type { SeededRandom } from './random.js';

/**
 * Demo learning opportunities as data, shared by the demo seed (through the services) and the
 * scale generator (in bulk). Titles are given in the provider's language where we have it and in
 * English; ISCED-F codes are real detailed fields.
 */
type Lang = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt';
interface Topic {
  isced: string;
  title: Record<Lang, string>;
  outcome: string;
}

const TOPICS: Topic[] = [
  { isced: '0613', outcome: 'write, test and package small Python applications', title: { en: 'Software Development with Python', de: 'Softwareentwicklung mit Python', fr: 'Développement logiciel avec Python', es: 'Desarrollo de software con Python', it: 'Sviluppo software con Python', nl: 'Softwareontwikkeling met Python', pt: 'Desenvolvimento de software com Python' } },
  { isced: '0612', outcome: 'design, back up and tune relational databases', title: { en: 'Database Administration', de: 'Datenbankadministration', fr: 'Administration de bases de données', es: 'Administración de bases de datos', it: 'Amministrazione di database', nl: 'Databasebeheer', pt: 'Administração de bases de dados' } },
  { isced: '0611', outcome: 'deploy and secure services on a public cloud', title: { en: 'Cloud Computing Fundamentals', de: 'Grundlagen des Cloud Computing', fr: 'Fondamentaux du cloud computing', es: 'Fundamentos de computación en la nube', it: 'Fondamenti di cloud computing', nl: 'Basis van cloudcomputing', pt: 'Fundamentos de computação em nuvem' } },
  { isced: '0688', outcome: 'train, evaluate and explain machine learning models', title: { en: 'Machine Learning for Professionals', de: 'Maschinelles Lernen für Fachkräfte', fr: 'Apprentissage automatique pour professionnels', es: 'Aprendizaje automático para profesionales', it: 'Apprendimento automatico per professionisti', nl: 'Machine learning voor professionals', pt: 'Aprendizagem automática para profissionais' } },
  { isced: '0413', outcome: 'plan, run and close projects with agile and classic methods', title: { en: 'Project Management', de: 'Projektmanagement', fr: 'Gestion de projet', es: 'Gestión de proyectos', it: 'Gestione dei progetti', nl: 'Projectmanagement', pt: 'Gestão de projetos' } },
  { isced: '0411', outcome: 'keep books and prepare annual accounts for a small business', title: { en: 'Accounting and Bookkeeping', de: 'Buchhaltung und Rechnungswesen', fr: 'Comptabilité et tenue des livres', es: 'Contabilidad y teneduría de libros', it: 'Contabilità e tenuta dei libri', nl: 'Boekhouden', pt: 'Contabilidade' } },
  { isced: '0414', outcome: 'plan and measure online marketing campaigns', title: { en: 'Digital Marketing', de: 'Digitales Marketing', fr: 'Marketing numérique', es: 'Marketing digital', it: 'Marketing digitale', nl: 'Digitale marketing', pt: 'Marketing digital' } },
  { isced: '0715', outcome: 'weld steel and aluminium to European standards', title: { en: 'Welding Technology', de: 'Schweißtechnik', fr: 'Technologie du soudage', es: 'Tecnología de soldadura', it: 'Tecnologia della saldatura', nl: 'Lastechniek', pt: 'Tecnologia de soldadura' } },
  { isced: '0713', outcome: 'install and commission photovoltaic systems safely', title: { en: 'Solar Energy Installation', de: 'Installation von Solaranlagen', fr: 'Installation photovoltaïque', es: 'Instalación de energía solar', it: 'Installazione di impianti solari', nl: 'Installatie van zonnepanelen', pt: 'Instalação de energia solar' } },
  { isced: '0714', outcome: 'program and troubleshoot programmable logic controllers', title: { en: 'Industrial Automation and PLC', de: 'Industrielle Automatisierung und SPS', fr: 'Automatisation industrielle et automates', es: 'Automatización industrial y PLC', it: 'Automazione industriale e PLC', nl: 'Industriële automatisering en PLC', pt: 'Automação industrial e PLC' } },
  { isced: '0913', outcome: 'care for older people at home and in residential care', title: { en: 'Nursing Care for Older People', de: 'Altenpflege', fr: 'Soins infirmiers gériatriques', es: 'Cuidados de enfermería geriátrica', it: 'Assistenza infermieristica geriatrica', nl: 'Ouderenzorg', pt: 'Cuidados de enfermagem geriátrica' } },
  { isced: '0923', outcome: 'support young people through counselling and group work', title: { en: 'Social Work with Young People', de: 'Soziale Arbeit mit Jugendlichen', fr: 'Travail social auprès des jeunes', es: 'Trabajo social con jóvenes', it: 'Lavoro sociale con i giovani', nl: 'Jongerenwerk', pt: 'Trabalho social com jovens' } },
  { isced: '1013', outcome: 'run the front office and kitchen of a small hotel', title: { en: 'Hotel and Restaurant Management', de: 'Hotel- und Gastronomiemanagement', fr: 'Gestion hôtelière et restauration', es: 'Gestión hotelera y restauración', it: 'Gestione alberghiera e ristorazione', nl: 'Hotel- en restaurantmanagement', pt: 'Gestão hoteleira e restauração' } },
  { isced: '0521', outcome: 'prepare an environmental impact assessment', title: { en: 'Environmental Impact Assessment', de: 'Umweltverträglichkeitsprüfung', fr: 'Évaluation environnementale', es: 'Evaluación de impacto ambiental', it: 'Valutazione di impatto ambientale', nl: 'Milieueffectrapportage', pt: 'Avaliação de impacto ambiental' } },
  { isced: '0231', outcome: 'negotiate and write in English at work', title: { en: 'Business English', de: 'Wirtschaftsenglisch', fr: 'Anglais des affaires', es: 'Inglés de negocios', it: 'Inglese commerciale', nl: 'Zakelijk Engels', pt: 'Inglês para negócios' } },
  { isced: '0211', outcome: 'shoot, edit and publish short videos', title: { en: 'Video Production and Editing', de: 'Videoproduktion und Schnitt', fr: 'Production et montage vidéo', es: 'Producción y edición de vídeo', it: 'Produzione e montaggio video', nl: 'Videoproductie en montage', pt: 'Produção e edição de vídeo' } },
  { isced: '0811', outcome: 'manage soil, crops and livestock sustainably', title: { en: 'Sustainable Agriculture', de: 'Nachhaltige Landwirtschaft', fr: 'Agriculture durable', es: 'Agricultura sostenible', it: 'Agricoltura sostenibile', nl: 'Duurzame landbouw', pt: 'Agricultura sustentável' } },
  { isced: '0732', outcome: 'model buildings and coordinate projects with BIM', title: { en: 'Building Information Modelling (BIM)', de: 'Building Information Modeling (BIM)', fr: 'Modélisation des informations du bâtiment (BIM)', es: 'Modelado de información de construcción (BIM)', it: 'Modellazione delle informazioni edilizie (BIM)', nl: 'Bouwinformatiemodellering (BIM)', pt: 'Modelação de informação da construção (BIM)' } },
  { isced: '0112', outcome: 'plan play-based learning for young children', title: { en: 'Early Childhood Pedagogy', de: 'Frühpädagogik', fr: 'Pédagogie de la petite enfance', es: 'Pedagogía infantil', it: 'Pedagogia della prima infanzia', nl: 'Pedagogiek voor het jonge kind', pt: 'Pedagogia da infância' } },
  { isced: '0421', outcome: 'apply the GDPR to everyday processing of personal data', title: { en: 'Data Protection Law (GDPR)', de: 'Datenschutzrecht (DSGVO)', fr: 'Droit de la protection des données (RGPD)', es: 'Derecho de protección de datos (RGPD)', it: 'Diritto della protezione dei dati (GDPR)', nl: 'Privacyrecht (AVG)', pt: 'Direito da proteção de dados (RGPD)' } },
  { isced: '1041', outcome: 'plan transport and warehousing across a supply chain', title: { en: 'Logistics and Supply Chain Management', de: 'Logistik und Lieferkettenmanagement', fr: "Logistique et chaîne d'approvisionnement", es: 'Logística y cadena de suministro', it: 'Logistica e catena di fornitura', nl: 'Logistiek en ketenbeheer', pt: 'Logística e cadeia de abastecimento' } },
];

/** Languages of instruction by country, and cities with their coordinates for "near" searches. */
const COUNTRY_LANGUAGES: Record<string, { lang: string; title: Lang }> = {
  FI: { lang: 'fi', title: 'en' }, DE: { lang: 'de', title: 'de' }, FR: { lang: 'fr', title: 'fr' }, ES: { lang: 'es', title: 'es' },
  IT: { lang: 'it', title: 'it' }, NL: { lang: 'nl', title: 'nl' }, PT: { lang: 'pt', title: 'pt' }, AT: { lang: 'de', title: 'de' },
  BE: { lang: 'nl', title: 'nl' }, EE: { lang: 'et', title: 'en' }, IE: { lang: 'en', title: 'en' }, PL: { lang: 'pl', title: 'en' },
};

export const CITY_COORDINATES: Record<string, [number, number]> = {
  Jyväskylä: [62.24, 25.75], Tampere: [61.5, 23.76], Oulu: [65.01, 25.47], Turku: [60.45, 22.27],
  Leipzig: [51.34, 12.37], Bremen: [53.08, 8.8], Freiburg: [47.99, 7.84], Kassel: [51.31, 9.48],
  Lyon: [45.76, 4.84], Nantes: [47.22, -1.55], Lille: [50.63, 3.06], Rennes: [48.11, -1.68],
  Valencia: [39.47, -0.38], Bilbao: [43.26, -2.93], Sevilla: [37.39, -5.98], Zaragoza: [41.65, -0.89],
  Bologna: [44.49, 11.34], Torino: [45.07, 7.69], Padova: [45.41, 11.88], Bari: [41.12, 16.87],
  Utrecht: [52.09, 5.12], Eindhoven: [51.44, 5.47], Groningen: [53.22, 6.57], Leiden: [52.16, 4.49],
  Porto: [41.15, -8.61], Coimbra: [40.21, -8.43], Braga: [41.55, -8.42], Aveiro: [40.64, -8.65],
  Graz: [47.07, 15.44], Linz: [48.31, 14.29], Salzburg: [47.81, 13.06], Innsbruck: [47.27, 11.4],
  Gent: [51.05, 3.72], Leuven: [50.88, 4.7], 'Liège': [50.63, 5.57], Namur: [50.47, 4.87],
  Tartu: [58.38, 26.72], Tallinn: [59.44, 24.75], 'Pärnu': [58.39, 24.5], Narva: [59.38, 28.19],
  Cork: [51.9, -8.47], Galway: [53.27, -9.05], Limerick: [52.66, -8.63], Dublin: [53.35, -6.26],
  'Kraków': [50.06, 19.94], 'Wrocław': [51.11, 17.04], 'Gdańsk': [54.35, 18.65], 'Poznań': [52.41, 16.93],
};

const EQF_BY_TYPE: Record<ProviderType, number[]> = { UNIVERSITY: [5, 6, 7, 8], VET_SCHOOL: [3, 4, 5], PRIVATE_PROVIDER: [4, 5, 6], EMPLOYER: [3, 4, 5, 6] };
const MODES = ['ONLINE', 'PRESENTIAL', 'BLENDED', 'WORK_BASED', 'PROJECT_BASED', 'RESEARCH_LAB'] as const;
const TYPES = ['SHORT_LEARNING_PROGRAMME', 'COURSE', 'MOOC', 'PROGRAMME_MODULE'] as const;
const ASSESSMENTS = [['WRITTEN_EXAMINATION'], ['PROJECT_WORK'], ['PORTFOLIO', 'ORAL_EXAMINATION'], ['PRACTICAL_ASSESSMENT']] as const;
const SUPERVISION = ['UNSUPERVISED_NO_ID_VERIFICATION', 'SUPERVISED_NO_ID_VERIFICATION', 'SUPERVISED_ONLINE_WITH_ID_VERIFICATION', 'ONSITE_WITH_ID_VERIFICATION'] as const;
const DAY = 24 * 3600 * 1000;

export interface CourseProvider {
  country: string;
  city: string;
  legalName: string;
  homepage: string;
  providerType: ProviderType;
}

/** One course, in the shape of CreateOpportunityInput (without the provider). */
export function demoCourse(n: number, provider: CourseProvider, random: SeededRandom, reference: Date) {
  const topic = TOPICS[n % TOPICS.length];
  const local = COUNTRY_LANGUAGES[provider.country] ?? { lang: 'en', title: 'en' as Lang };
  const titles = [{ lang: 'en', text: topic.title.en }];
  if (local.title !== 'en') titles.push({ lang: local.title, text: topic.title[local.title] });
  const levels = EQF_BY_TYPE[provider.providerType];
  const ects = random.pick([1, 2, 3, 4, 5, 6, 10]);
  const start = new Date(reference.getTime() + random.int(-60, 240) * DAY);
  const end = new Date(start.getTime() + random.int(4, 16) * 7 * DAY);
  const free = random.next() < 0.3;
  // About one course in seven lacks an Annex I element, as real catalogues do.
  const incomplete = random.next() < 0.15;
  const [lat, lng] = CITY_COORDINATES[provider.city] ?? [50.85, 4.35];
  const slug = topic.title.en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '');
  return {
    title: titles,
    description: titles.map((t) => ({ lang: t.lang, text: `${t.text} — ${provider.legalName}, ${provider.city}.` })),
    learningOutcomes: [{ text: `Learners can ${topic.outcome}.` }, { text: 'Learners can explain the professional and ethical standards of the field.' }],
    eqfLevel: random.pick(levels),
    ectsCredits: ects,
    workloadHours: ects * 27,
    iscedFCodes: [topic.isced],
    languages: local.lang === 'en' ? ['en'] : random.next() < 0.3 ? [local.lang, 'en'] : [local.lang],
    mode: MODES[n % MODES.length],
    learningSetting: provider.providerType === 'UNIVERSITY' ? ('FORMAL' as const) : ('NON_FORMAL' as const),
    type: TYPES[n % TYPES.length],
    assessmentTypes: incomplete ? [] : [...random.pick(ASSESSMENTS)],
    supervisionVerification: random.pick(SUPERVISION),
    qualityAssurance: incomplete ? null : 'Internal quality assurance under the provider’s external accreditation.',
    stackability: random.next() < 0.5 ? ('STACKABLE' as const) : ('STANDALONE' as const),
    price: free ? null : { amount: random.int(5, 250) * 10, currency: 'EUR' },
    free,
    fundingSchemes: free ? [] : random.next() < 0.4 ? ['individual learning account'] : [],
    location: { country: provider.country, city: provider.city, lat, lng },
    startDate: start,
    endDate: end,
    applicationDeadline: new Date(start.getTime() - 14 * DAY),
    landingPage: `${provider.homepage}/courses/${slug}-${n}`,
  };
}
