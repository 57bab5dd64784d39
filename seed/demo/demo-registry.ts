import { SeededRandom } from './random.js';

/**
 * The demo registry as data: quality agencies, providers and their accreditation decisions in
 * every state a user will meet. Pure and deterministic: the same seed and reference day give the
 * same dataset. Names are invented; any likeness to a real institution is not intended.
 */
export interface DemoOrganisation {
  key: string;
  kind: 'PROVIDER' | 'QUALITY_AGENCY';
  legalName: string;
  country: string;
  legalIdentifier: string;
  homepage: string;
  providerType?: ProviderType;
  city?: string;
}

export type ProviderType = 'UNIVERSITY' | 'VET_SCHOOL' | 'PRIVATE_PROVIDER' | 'EMPLOYER';

export interface DemoRecognition {
  agencyKey: string;
  validFrom: Date;
  validUntil?: Date;
  basis: string;
  jurisdictions: string[];
}

/** The state a decision is in on the reference day, so that the demo shows each of them. */
export type DemoState = 'ACTIVE' | 'REVIEW_OVERDUE' | 'EXPIRING_SOON' | 'SUSPENDED' | 'WITHDRAWN' | 'SUPERSEDED' | 'NEGATIVE' | 'CONDITIONAL';

export interface DemoAccreditation {
  providerKey: string;
  agencyKey: string;
  state: DemoState;
  type: 'INSTITUTIONAL_QA' | 'INSTITUTIONAL_LICENCE' | 'PROGRAMME_QA' | 'PROGRAMME_LICENCE';
  title: string;
  decision: 'POSITIVE' | 'POSITIVE_WITH_CONDITIONS' | 'NEGATIVE';
  issuedAt: Date;
  validFrom: Date;
  reviewDate: Date | null;
  expiresAt: Date;
  limitEqfLevels: number[];
  limitFields: string[];
  /** For SUSPENDED and WITHDRAWN: when the change took effect. */
  changedAt?: Date;
  /** For SUPERSEDED: the successor's dates. */
  successor?: { issuedAt: Date; validFrom: Date; reviewDate: Date; expiresAt: Date };
}

export interface DemoRegistry {
  agencies: DemoOrganisation[];
  providers: DemoOrganisation[];
  recognitions: DemoRecognition[];
  accreditations: DemoAccreditation[];
}

interface CountryProfile {
  code: string;
  cities: string[];
  /** A well-formed eIDAS legal identifier for the n-th organisation of this country. */
  identifier(random: SeededRandom): string;
  agency: string;
}

const COUNTRIES: CountryProfile[] = [
  { code: 'FI', cities: ['Jyväskylä', 'Tampere', 'Oulu', 'Turku'], identifier: (r) => `VATFI-${r.digits(8)}`, agency: 'Finnish Council for Learning Quality' },
  { code: 'DE', cities: ['Leipzig', 'Bremen', 'Freiburg', 'Kassel'], identifier: (r) => `VATDE-${r.digits(9)}`, agency: 'Deutscher Akkreditierungsverbund für Weiterbildung' },
  { code: 'FR', cities: ['Lyon', 'Nantes', 'Lille', 'Rennes'], identifier: (r) => `VATFR-${r.digits(11)}`, agency: 'Haut Conseil pour la Qualité des Formations' },
  { code: 'ES', cities: ['Valencia', 'Bilbao', 'Sevilla', 'Zaragoza'], identifier: (r) => `VATES-B${r.digits(8)}`, agency: 'Agencia para la Calidad de la Formación' },
  { code: 'IT', cities: ['Bologna', 'Torino', 'Padova', 'Bari'], identifier: (r) => `VATIT-${r.digits(11)}`, agency: 'Agenzia per la Qualità della Formazione' },
  { code: 'NL', cities: ['Utrecht', 'Eindhoven', 'Groningen', 'Leiden'], identifier: (r) => `VATNL-${r.digits(9)}B01`, agency: 'Nederlands Kwaliteitsinstituut Onderwijs' },
  { code: 'PT', cities: ['Porto', 'Coimbra', 'Braga', 'Aveiro'], identifier: (r) => `VATPT-${r.digits(9)}`, agency: 'Agência de Qualidade da Formação' },
  { code: 'AT', cities: ['Graz', 'Linz', 'Salzburg', 'Innsbruck'], identifier: (r) => `VATAT-U${r.digits(8)}`, agency: 'Österreichische Qualitätsagentur für Bildung' },
  { code: 'BE', cities: ['Gent', 'Leuven', 'Liège', 'Namur'], identifier: (r) => `VATBE-0${r.digits(9)}`, agency: 'Vlaams-Waals Kwaliteitsbureau' },
  { code: 'EE', cities: ['Tartu', 'Tallinn', 'Pärnu', 'Narva'], identifier: (r) => `NTREE-${r.digits(8)}`, agency: 'Eesti Hariduskvaliteedi Agentuur' },
  { code: 'IE', cities: ['Cork', 'Galway', 'Limerick', 'Dublin'], identifier: (r) => `VATIE-${r.digits(7)}W`, agency: '' },
  { code: 'PL', cities: ['Kraków', 'Wrocław', 'Gdańsk', 'Poznań'], identifier: (r) => `VATPL-${r.digits(10)}`, agency: '' },
];

const PROVIDER_NAMES: Record<ProviderType, (city: string) => string> = {
  UNIVERSITY: (city) => `${city} University of Applied Sciences`,
  VET_SCHOOL: (city) => `${city} Vocational College`,
  PRIVATE_PROVIDER: (city) => `${city} Digital Skills Academy`,
  EMPLOYER: (city) => `${city} Industrial Training Centre`,
};

const EQF_BY_TYPE: Record<ProviderType, number[]> = {
  UNIVERSITY: [5, 6, 7, 8],
  VET_SCHOOL: [3, 4, 5],
  PRIVATE_PROVIDER: [4, 5, 6],
  EMPLOYER: [3, 4, 5, 6],
};

const STATES: DemoState[] = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'REVIEW_OVERDUE', 'EXPIRING_SOON', 'SUSPENDED', 'WITHDRAWN', 'SUPERSEDED', 'NEGATIVE', 'CONDITIONAL'];
const DAY = 24 * 3600 * 1000;

export function demoRegistry(reference: Date, seed = 2026): DemoRegistry {
  const random = new SeededRandom(seed);
  const days = (n: number) => new Date(reference.getTime() + n * DAY);
  const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  const agencies: DemoOrganisation[] = COUNTRIES.filter((c) => c.agency).map((c) => ({
    key: `agency-${c.code}`,
    kind: 'QUALITY_AGENCY',
    legalName: `${c.agency} (demo)`,
    country: c.code,
    legalIdentifier: c.identifier(random),
    homepage: `https://${slug(c.agency)}.example.org`,
  }));

  const types: ProviderType[] = ['UNIVERSITY', 'VET_SCHOOL', 'PRIVATE_PROVIDER', 'EMPLOYER'];
  const providers: DemoOrganisation[] = [];
  for (let i = 0; i < 50; i++) {
    const country = COUNTRIES[i % COUNTRIES.length];
    const providerType = types[Math.floor(i / COUNTRIES.length) % types.length];
    const city = country.cities[Math.floor(i / COUNTRIES.length) % country.cities.length];
    const legalName = PROVIDER_NAMES[providerType](city);
    providers.push({
      key: `provider-${i}`,
      kind: 'PROVIDER',
      legalName,
      country: country.code,
      legalIdentifier: country.identifier(random),
      homepage: `https://${slug(legalName)}.example.org`,
      providerType,
      city,
    });
  }

  const recognitions: DemoRecognition[] = agencies.map((agency, i) => ({
    agencyKey: agency.key,
    validFrom: new Date('2015-01-01T00:00:00Z'),
    // One agency's recognition has ended, so its decisions no longer count.
    validUntil: i === agencies.length - 1 ? days(-120) : undefined,
    basis: i % 3 === 2 ? 'national accreditation act' : 'EQAR-registered',
    // Agencies recognised by a national act count only at home.
    jurisdictions: i % 3 === 2 ? [agency.country] : [],
  }));

  const accreditations: DemoAccreditation[] = providers.map((provider, i) => {
    const homeAgency = agencies.find((a) => a.country === provider.country) ?? agencies[i % agencies.length];
    const state = STATES[i % STATES.length];
    const issuedAt = days(-random.int(300, 900));
    const base: DemoAccreditation = {
      providerKey: provider.key,
      agencyKey: homeAgency.key,
      state,
      type: provider.providerType === 'UNIVERSITY' ? 'INSTITUTIONAL_QA' : 'INSTITUTIONAL_LICENCE',
      title: `${provider.providerType === 'UNIVERSITY' ? 'Institutional audit' : 'Licence to provide training'}: ${provider.legalName}`,
      decision: state === 'NEGATIVE' ? 'NEGATIVE' : state === 'CONDITIONAL' ? 'POSITIVE_WITH_CONDITIONS' : 'POSITIVE',
      issuedAt,
      validFrom: issuedAt,
      reviewDate: days(random.int(200, 700)),
      expiresAt: days(random.int(800, 1500)),
      limitEqfLevels: EQF_BY_TYPE[provider.providerType!],
      limitFields: [],
    };
    switch (state) {
      case 'REVIEW_OVERDUE':
        return { ...base, reviewDate: days(-45) };
      case 'EXPIRING_SOON':
        return { ...base, reviewDate: days(-10), expiresAt: days(20) };
      case 'SUSPENDED':
        return { ...base, changedAt: days(-30) };
      case 'WITHDRAWN':
        return { ...base, changedAt: days(-90) };
      case 'SUPERSEDED':
        return {
          ...base,
          issuedAt: days(-2000),
          validFrom: days(-2000),
          reviewDate: days(-200),
          expiresAt: days(100),
          successor: { issuedAt: days(-200), validFrom: days(-180), reviewDate: days(900), expiresAt: days(1600) },
        };
      default:
        return base;
    }
  });

  return { agencies, providers, recognitions, accreditations };
}
