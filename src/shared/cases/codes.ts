import { z } from 'zod';

/**
 * The code lists of the case record (domain.md). Codes are stable: they are stored in vaults
 * and travel in statistics returns, so a code is never renamed or reused; a list only grows.
 * Labels may be reworded freely. `stats` is the dimension code of statistics.md, `htcds` the
 * HTCDS 2.0 / CTDC value name where the standard has one, `eurostat` the EU group.
 */
export interface CodeEntry {
  readonly code: string;
  readonly lt: string;
  readonly en: string;
}

/** The error key of any value outside a list; the UI translates it. */
export const INVALID_OPTION = 'validation.invalidOption';

type CodeOf<L extends readonly CodeEntry[]> = L[number]['code'];

function codesOf<const L extends readonly CodeEntry[]>(list: L): [CodeOf<L>, ...CodeOf<L>[]] {
  return list.map((e) => e.code) as [CodeOf<L>, ...CodeOf<L>[]];
}

const enumOf = <const L extends readonly CodeEntry[]>(list: L) => z.enum(codesOf(list), { error: INVALID_OPTION });

/** The entry of a code, for labels and mappings; undefined for a code not in the list. */
export function entryOf<L extends readonly CodeEntry[]>(list: L, code: string): L[number] | undefined {
  return list.find((e) => e.code === code);
}

export function labelOf(list: readonly CodeEntry[], code: string, language: 'lt' | 'en'): string {
  return entryOf(list, code)?.[language] ?? code;
}

// ---------------------------------------------------------------------------------------------
// Trafficking experience

/**
 * `bit` numbers one bit of the case list's exploitation filter column (cases.exploit_mask):
 * fixed forever, like the code, and never reused.
 */
export const EXPLOITATION_FORMS = [
  {
    code: 'SEXUAL',
    bit: 0,
    lt: 'Seksualinis išnaudojimas',
    en: 'Sexual exploitation',
    eurostat: 'sexual',
    stats: 'SEX_EXPL',
    htcds: 'isSexualExploit',
  },
  {
    code: 'FORCED_LABOUR',
    bit: 1,
    lt: 'Priverstinis darbas ar paslaugos',
    en: 'Forced labour or services',
    eurostat: 'labour',
    stats: 'LAB_EXPL',
    htcds: 'isForcedLabour',
  },
  {
    code: 'BEGGING',
    bit: 2,
    lt: 'Priverstinis elgetavimas',
    en: 'Forced begging',
    eurostat: 'other',
    stats: 'BEGGING',
    htcds: 'typeOfLabourBegging',
  },
  {
    code: 'SLAVERY',
    bit: 3,
    lt: 'Vergija ar panaši į vergiją praktika',
    en: 'Slavery or practices similar to slavery',
    eurostat: 'labour',
    stats: 'LAB_EXPL',
    htcds: 'isSlaveryAndPractices',
  },
  {
    code: 'SERVITUDE',
    bit: 4,
    lt: 'Nelaisvė (taip pat namų ūkyje)',
    en: 'Servitude (including domestic servitude)',
    eurostat: 'labour',
    stats: 'LAB_EXPL',
  },
  {
    code: 'CRIMINAL_ACTIVITIES',
    bit: 5,
    lt: 'Išnaudojimas nusikalstamai veikai',
    en: 'Exploitation of criminal activities',
    eurostat: 'other',
    stats: 'CRIM_ACT',
    htcds: 'typeOfLabourIllicitActivities',
  },
  {
    code: 'ORGAN_REMOVAL',
    bit: 6,
    lt: 'Organų pašalinimas',
    en: 'Removal of organs',
    eurostat: 'other',
    stats: 'ORGAN',
    htcds: 'isOrganRemoval',
  },
  {
    code: 'SURROGACY',
    bit: 7,
    lt: 'Surogacijos išnaudojimas',
    en: 'Exploitation of surrogacy',
    eurostat: 'other',
    stats: 'OTHER',
  },
  {
    code: 'FORCED_MARRIAGE',
    bit: 8,
    lt: 'Priverstinė santuoka',
    en: 'Forced marriage',
    eurostat: 'other',
    stats: 'FORCED_MARR',
    htcds: 'isForcedMarriage',
  },
  {
    code: 'ILLEGAL_ADOPTION',
    bit: 9,
    lt: 'Neteisėtas įvaikinimas',
    en: 'Illegal adoption',
    eurostat: 'other',
    stats: 'OTHER',
  },
  { code: 'CHILD_LABOUR', bit: 10, lt: 'Vaikų darbas', en: 'Child labour', eurostat: 'labour', stats: 'LAB_EXPL' },
  {
    code: 'FORCED_MILITARY',
    bit: 11,
    lt: 'Priverstinė karo tarnyba',
    en: 'Forced military service',
    eurostat: 'other',
    stats: 'OTHER',
    htcds: 'isForcedMilitary',
  },
  {
    code: 'OTHER',
    bit: 12,
    lt: 'Kita išnaudojimo forma',
    en: 'Other form of exploitation',
    eurostat: 'other',
    stats: 'OTHER',
    htcds: 'isOtherExploit',
  },
] as const satisfies readonly (CodeEntry & {
  bit: number;
  eurostat: 'sexual' | 'labour' | 'other';
  stats: 'SEX_EXPL' | 'LAB_EXPL' | 'CRIM_ACT' | 'BEGGING' | 'FORCED_MARR' | 'ORGAN' | 'OTHER';
  htcds?: string;
})[];
export const ExploitationForm = enumOf(EXPLOITATION_FORMS);
export type ExploitationForm = z.infer<typeof ExploitationForm>;

/** The bits of a set of forms, as stored in cases.exploit_mask. */
export function exploitationMask(forms: readonly string[]): number {
  let mask = 0;
  for (const f of forms) {
    const e = entryOf(EXPLOITATION_FORMS, f);
    if (e) mask |= 1 << e.bit;
  }
  return mask;
}

export function formsOfMask(mask: number): ExploitationForm[] {
  return EXPLOITATION_FORMS.filter((e) => (mask & (1 << e.bit)) !== 0).map((e) => e.code);
}

export const SEXUAL_EXPLOITATION_TYPES = [
  { code: 'PROSTITUTION', lt: 'Prostitucija', en: 'Prostitution', htcds: 'Prostitution' },
  { code: 'PORNOGRAPHY', lt: 'Pornografija', en: 'Pornography', htcds: 'Pornography' },
  {
    code: 'REMOTE_INTERACTIVE',
    lt: 'Nuotolinės interaktyvios paslaugos (pvz., internetu)',
    en: 'Remote interactive services (e.g. online)',
    htcds: 'RemoteInteractiveServices',
  },
  {
    code: 'PRIVATE_SEXUAL',
    lt: 'Privačios seksualinės paslaugos',
    en: 'Private sexual services',
    htcds: 'PrivateSexualServices',
  },
  { code: 'OTHER', lt: 'Kita', en: 'Other' },
] as const satisfies readonly (CodeEntry & { htcds?: string })[];
export const SexualExploitationType = enumOf(SEXUAL_EXPLOITATION_TYPES);
export type SexualExploitationType = z.infer<typeof SexualExploitationType>;

/** ISIC Rev. 4 sections, the sector of forced labour (HTCDS "Labour Industry"). */
export const ISIC_SECTIONS = [
  {
    code: 'A',
    lt: 'Žemės ūkis, miškininkystė ir žuvininkystė',
    en: 'Agriculture, forestry and fishing',
    htcds: 'A_AgricultureForestryAndFishing',
  },
  { code: 'B', lt: 'Kasyba ir karjerų eksploatavimas', en: 'Mining and quarrying', htcds: 'B_MiningAndQuarrying' },
  { code: 'C', lt: 'Apdirbamoji gamyba', en: 'Manufacturing', htcds: 'C_Manufacturing' },
  {
    code: 'D',
    lt: 'Elektros, dujų, garo tiekimas ir oro kondicionavimas',
    en: 'Electricity, gas, steam and air conditioning supply',
    htcds: 'D_ElectricityGasSteamAndAirConditioningSupply',
  },
  {
    code: 'E',
    lt: 'Vandens tiekimas, nuotekų valymas, atliekų tvarkymas ir regeneravimas',
    en: 'Water supply; sewerage, waste management and remediation',
    htcds: 'E_WaterSupplySewerageWasteManagement',
  },
  { code: 'F', lt: 'Statyba', en: 'Construction', htcds: 'F_Construction' },
  {
    code: 'G',
    lt: 'Didmeninė ir mažmeninė prekyba; variklinių transporto priemonių ir motociklų remontas',
    en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    htcds: 'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
  },
  { code: 'H', lt: 'Transportas ir saugojimas', en: 'Transportation and storage', htcds: 'H_TransportationAndStorage' },
  {
    code: 'I',
    lt: 'Apgyvendinimo ir maitinimo paslaugų veikla',
    en: 'Accommodation and food service activities',
    htcds: 'I_AccommodationAndFoodServiceActivities',
  },
  {
    code: 'J',
    lt: 'Informacija ir ryšiai',
    en: 'Information and communication',
    htcds: 'J_InformationAndCommunication',
  },
  {
    code: 'K',
    lt: 'Finansinė ir draudimo veikla',
    en: 'Financial and insurance activities',
    htcds: 'K_FinancialAndInsuranceActivities',
  },
  { code: 'L', lt: 'Nekilnojamojo turto operacijos', en: 'Real estate activities', htcds: 'L_RealEstateActivities' },
  {
    code: 'M',
    lt: 'Profesinė, mokslinė ir techninė veikla',
    en: 'Professional, scientific and technical activities',
    htcds: 'M_ProfessionalScientificAndTechnicalActivities',
  },
  {
    code: 'N',
    lt: 'Administracinė ir aptarnavimo veikla',
    en: 'Administrative and support service activities',
    htcds: 'N_AdministrativeAndSupportServiceActivities',
  },
  {
    code: 'O',
    lt: 'Viešasis valdymas ir gynyba; privalomasis socialinis draudimas',
    en: 'Public administration and defence; compulsory social security',
    htcds: 'O_PublicAdministrationAndDefence',
  },
  { code: 'P', lt: 'Švietimas', en: 'Education', htcds: 'P_Education' },
  {
    code: 'Q',
    lt: 'Žmonių sveikatos priežiūra ir socialinis darbas',
    en: 'Human health and social work activities',
    htcds: 'Q_HumanHealthAndSocialWorkActivities',
  },
  {
    code: 'R',
    lt: 'Meninė, pramoginė ir poilsio organizavimo veikla',
    en: 'Arts, entertainment and recreation',
    htcds: 'R_ArtsEntertainmentAndRecreation',
  },
  { code: 'S', lt: 'Kita aptarnavimo veikla', en: 'Other service activities', htcds: 'S_OtherServiceActivities' },
  {
    code: 'T',
    lt: 'Namų ūkių kaip darbdavių veikla; namų ūkių veikla savoms reikmėms',
    en: 'Activities of households as employers and for own use',
    htcds: 'T_ActivitiesOfHouseholdsAsEmployers',
  },
  {
    code: 'U',
    lt: 'Ekstrateritorinių organizacijų ir įstaigų veikla',
    en: 'Activities of extraterritorial organisations and bodies',
    htcds: 'U_ActivitiesOfExtraterritorialOrganizations',
  },
] as const satisfies readonly (CodeEntry & { htcds: string })[];
export const IsicSection = enumOf(ISIC_SECTIONS);
export type IsicSection = z.infer<typeof IsicSection>;

export const MEANS_OF_CONTROL = [
  { code: 'PHYSICAL_THREATS', lt: 'Grasinimai smurtu', en: 'Physical threats', htcds: 'Threats' },
  {
    code: 'LAW_ENFORCEMENT_THREATS',
    lt: 'Grasinimai pranešti teisėsaugai ar migracijos tarnybai',
    en: 'Threats of law enforcement',
    htcds: 'ThreatOfLawEnforcement',
  },
  { code: 'FAMILY_THREATS', lt: 'Grasinimai vaikams ar šeimai', en: 'Threats to children or family', htcds: 'Threats' },
  { code: 'DEBT_BONDAGE', lt: 'Skolų vergija', en: 'Debt bondage', htcds: 'DebtBondage' },
  { code: 'FALSE_PROMISES', lt: 'Melagingi pažadai', en: 'False promises', htcds: 'FalsePromises' },
  { code: 'PHYSICAL_ABUSE', lt: 'Fizinis smurtas', en: 'Physical abuse', htcds: 'PhysicalAbuse' },
  { code: 'SEXUAL_ABUSE', lt: 'Seksualinis smurtas', en: 'Sexual abuse', htcds: 'SexualAbuse' },
  { code: 'TAKES_EARNINGS', lt: 'Atima uždarbį', en: 'Takes earnings', htcds: 'TakesEarnings' },
  {
    code: 'RESTRICTS_FINANCES',
    lt: 'Riboja galimybę naudotis savo pinigais',
    en: 'Restricts financial access',
    htcds: 'RestrictsFinancialAccess',
  },
  {
    code: 'RESTRICTS_MEDICAL',
    lt: 'Riboja galimybę gauti medicininę pagalbą',
    en: 'Restricts medical care',
    htcds: 'RestrictsMedicalCare',
  },
  {
    code: 'WITHHOLDS_NECESSITIES',
    lt: 'Neduoda būtiniausių dalykų (maisto, vandens, drabužių)',
    en: 'Withholds necessities',
    htcds: 'WithholdsNecessities',
  },
  { code: 'PSYCHOLOGICAL_ABUSE', lt: 'Psichologinis smurtas', en: 'Psychological abuse', htcds: 'PsychologicalAbuse' },
  {
    code: 'PSYCHOACTIVE_SUBSTANCES',
    lt: 'Psichoaktyviosios medžiagos',
    en: 'Psychoactive substances',
    htcds: 'PsychoactiveSubstances',
  },
  {
    code: 'EXCESSIVE_HOURS',
    lt: 'Per ilgos darbo valandos',
    en: 'Excessive working hours',
    htcds: 'ExcessiveWorkingHours',
  },
  {
    code: 'WITHHOLDS_DOCUMENTS',
    lt: 'Atima ar laiko dokumentus',
    en: 'Withholds documents',
    htcds: 'WithholdsDocuments',
  },
  { code: 'RESTRICTS_MOVEMENT', lt: 'Riboja judėjimo laisvę', en: 'Restricts movement', htcds: 'RestrictsMovement' },
  {
    code: 'USES_CHILDREN',
    lt: 'Riboja galimybę matytis su vaikais',
    en: 'Uses children (restricts access to them)',
    htcds: 'UsesChildren',
  },
  { code: 'OTHER', lt: 'Kita', en: 'Other', htcds: 'Other' },
] as const satisfies readonly (CodeEntry & { htcds: string })[];
export const MeansOfControl = enumOf(MEANS_OF_CONTROL);
export type MeansOfControl = z.infer<typeof MeansOfControl>;

export const RECRUITMENT_METHODS = [
  { code: 'JOB_OFFER', lt: 'Darbo pasiūlymas ar skelbimas', en: 'Job offer or advertisement', htcds: 'JobOffer' },
  { code: 'INTERNET', lt: 'Internetas, socialiniai tinklai', en: 'Internet, social media', htcds: 'Internet' },
  {
    code: 'INTIMATE_PARTNER',
    lt: 'Intymus partneris ar santuokos pasiūlymas',
    en: 'Intimate partner or marriage proposition',
    htcds: 'IntimatePartner',
  },
  { code: 'FAMILY', lt: 'Per šeimą', en: 'Through the family', htcds: 'Familial' },
  { code: 'BENEFACTOR', lt: 'Apsimetė geradariu', en: 'Posing as benefactor', htcds: 'PosingAsBenefactor' },
  { code: 'ACCOMMODATION_OFFER', lt: 'Būsto pasiūlymas', en: 'Offer of accommodation', htcds: 'OfferOfAccommodation' },
  {
    code: 'MARRIAGE_BROKER',
    lt: 'Tarptautinis santuokų tarpininkas',
    en: 'International marriage broker',
    htcds: 'InternationalMarriageBroker',
  },
  { code: 'EDUCATION', lt: 'Švietimo įstaigoje', en: 'At an educational facility', htcds: 'EducationalFacility' },
  { code: 'PUBLIC_AREA', lt: 'Viešoje vietoje', en: 'In a public area', htcds: 'PublicArea' },
  { code: 'SHELTER', lt: 'Prieglaudoje', en: 'At a shelter', htcds: 'Shelter' },
  { code: 'WORKPLACE', lt: 'Darbo vietoje', en: 'At work', htcds: 'Work' },
  { code: 'SMUGGLING', lt: 'Neteisėtas gabenimas per sieną, išpirka', en: 'Smuggling, ransom', htcds: 'Smuggling' },
  { code: 'ABDUCTION', lt: 'Pagrobimas', en: 'Abduction', htcds: 'Abduction' },
  { code: 'OTHER', lt: 'Kita', en: 'Other', htcds: 'Other' },
  { code: 'UNKNOWN', lt: 'Nežinoma', en: 'Unknown', htcds: 'Unknown' },
] as const satisfies readonly (CodeEntry & { htcds: string })[];
export const RecruitmentMethod = enumOf(RECRUITMENT_METHODS);
export type RecruitmentMethod = z.infer<typeof RecruitmentMethod>;

export const RECRUITER_RELATIONSHIPS = [
  { code: 'INTIMATE_PARTNER', lt: 'Intymus partneris', en: 'Intimate partner', htcds: 'IntimatePartner' },
  { code: 'FAMILY', lt: 'Šeimos narys ar giminaitis', en: 'Family member or relative', htcds: 'Family' },
  { code: 'FRIEND', lt: 'Draugas', en: 'Friend', htcds: 'Friend' },
  { code: 'ACQUAINTANCE', lt: 'Pažįstamas', en: 'Acquaintance', htcds: 'Other' },
  { code: 'EMPLOYER', lt: 'Darbdavys ar įdarbinimo tarpininkas', en: 'Employer or recruitment agent', htcds: 'Other' },
  { code: 'STRANGER', lt: 'Nepažįstamas asmuo', en: 'Stranger', htcds: 'Other' },
  { code: 'OTHER', lt: 'Kita', en: 'Other', htcds: 'Other' },
  { code: 'UNKNOWN', lt: 'Nežinoma', en: 'Unknown', htcds: 'Unknown' },
] as const satisfies readonly (CodeEntry & { htcds: string })[];
export const RecruiterRelationship = enumOf(RECRUITER_RELATIONSHIPS);
export type RecruiterRelationship = z.infer<typeof RecruiterRelationship>;

export const TRAFFICKING_TYPES = [
  { code: 'DOMESTIC', lt: 'Vidaus (šalies viduje)', en: 'Domestic', stats: 'DOMESTIC' },
  { code: 'TRANSNATIONAL', lt: 'Tarptautinė', en: 'Transnational', stats: 'TRANSNAT' },
] as const satisfies readonly (CodeEntry & { stats: 'DOMESTIC' | 'TRANSNAT' })[];
export const TraffickingType = enumOf(TRAFFICKING_TYPES);
export type TraffickingType = z.infer<typeof TraffickingType>;

export const TRAFFICKING_EVENT_KINDS = [
  { code: 'RECRUITMENT', lt: 'Verbavimas', en: 'Recruitment', htcds: 'Recruitment' },
  { code: 'TRANSIT', lt: 'Tranzitas', en: 'Transit', htcds: 'Transit' },
  { code: 'EXPLOITATION', lt: 'Išnaudojimas', en: 'Exploitation', htcds: 'Exploitation' },
] as const satisfies readonly (CodeEntry & { htcds: string })[];
export const TraffickingEventKind = enumOf(TRAFFICKING_EVENT_KINDS);
export type TraffickingEventKind = z.infer<typeof TraffickingEventKind>;

// ---------------------------------------------------------------------------------------------
// Identity

export const SEXES = [
  { code: 'F', lt: 'Moteris', en: 'Female', stats: 'F' },
  { code: 'M', lt: 'Vyras', en: 'Male', stats: 'M' },
  { code: 'U', lt: 'Nežinoma', en: 'Unknown', stats: '_U' },
] as const satisfies readonly (CodeEntry & { stats: 'F' | 'M' | '_U' })[];
export const Sex = enumOf(SEXES);
export type Sex = z.infer<typeof Sex>;

/** Gender identity (HTCDS), separate from sex, which the statistics count. */
export const GENDERS = [
  { code: 'WOMAN', lt: 'Moteris', en: 'Woman', htcds: 'Female' },
  { code: 'MAN', lt: 'Vyras', en: 'Man', htcds: 'Male' },
  {
    code: 'TRANSGENDER_NONCONFORMING',
    lt: 'Translytis ar lyčių normų neatitinkantis asmuo',
    en: 'Transgender or gender non-conforming',
    htcds: 'Transgender/NonConforming',
  },
  { code: 'OTHER', lt: 'Kita', en: 'Other' },
  { code: 'NOT_DISCLOSED', lt: 'Nenori nurodyti', en: 'Prefers not to say', htcds: 'Unknown' },
  { code: 'UNKNOWN', lt: 'Nežinoma', en: 'Unknown', htcds: 'Unknown' },
] as const satisfies readonly (CodeEntry & { htcds?: string })[];
export const Gender = enumOf(GENDERS);
export type Gender = z.infer<typeof Gender>;

export const IDENTITY_DOCUMENT_TYPES = [
  { code: 'PASSPORT', lt: 'Pasas', en: 'Passport' },
  { code: 'ID_CARD', lt: 'Asmens tapatybės kortelė', en: 'Identity card' },
  { code: 'RESIDENCE_PERMIT', lt: 'Leidimas gyventi', en: 'Residence permit' },
  { code: 'TRAVEL_DOCUMENT', lt: 'Kelionės dokumentas', en: 'Travel document' },
  { code: 'BIRTH_CERTIFICATE', lt: 'Gimimo liudijimas', en: 'Birth certificate' },
  { code: 'DRIVING_LICENCE', lt: 'Vairuotojo pažymėjimas', en: 'Driving licence' },
  { code: 'OTHER', lt: 'Kitas dokumentas', en: 'Other document' },
] as const satisfies readonly CodeEntry[];
export const IdentityDocumentType = enumOf(IDENTITY_DOCUMENT_TYPES);
export type IdentityDocumentType = z.infer<typeof IdentityDocumentType>;

/** Compact list for pickers; any ISO 639-1 code is accepted (schemas.ts, LanguageCode). */
export const LANGUAGES = [
  { code: 'lt', lt: 'lietuvių', en: 'Lithuanian' },
  { code: 'en', lt: 'anglų', en: 'English' },
  { code: 'ru', lt: 'rusų', en: 'Russian' },
  { code: 'uk', lt: 'ukrainiečių', en: 'Ukrainian' },
  { code: 'be', lt: 'baltarusių', en: 'Belarusian' },
  { code: 'pl', lt: 'lenkų', en: 'Polish' },
  { code: 'lv', lt: 'latvių', en: 'Latvian' },
  { code: 'et', lt: 'estų', en: 'Estonian' },
  { code: 'de', lt: 'vokiečių', en: 'German' },
  { code: 'fr', lt: 'prancūzų', en: 'French' },
  { code: 'es', lt: 'ispanų', en: 'Spanish' },
  { code: 'it', lt: 'italų', en: 'Italian' },
  { code: 'pt', lt: 'portugalų', en: 'Portuguese' },
  { code: 'ro', lt: 'rumunų', en: 'Romanian' },
  { code: 'bg', lt: 'bulgarų', en: 'Bulgarian' },
  { code: 'ka', lt: 'gruzinų', en: 'Georgian' },
  { code: 'hy', lt: 'armėnų', en: 'Armenian' },
  { code: 'az', lt: 'azerbaidžaniečių', en: 'Azerbaijani' },
  { code: 'kk', lt: 'kazachų', en: 'Kazakh' },
  { code: 'uz', lt: 'uzbekų', en: 'Uzbek' },
  { code: 'tg', lt: 'tadžikų', en: 'Tajik' },
  { code: 'ky', lt: 'kirgizų', en: 'Kyrgyz' },
  { code: 'tr', lt: 'turkų', en: 'Turkish' },
  { code: 'ar', lt: 'arabų', en: 'Arabic' },
  { code: 'fa', lt: 'persų', en: 'Persian' },
  { code: 'ur', lt: 'urdu', en: 'Urdu' },
  { code: 'hi', lt: 'hindi', en: 'Hindi' },
  { code: 'bn', lt: 'bengalų', en: 'Bengali' },
  { code: 'vi', lt: 'vietnamiečių', en: 'Vietnamese' },
  { code: 'zh', lt: 'kinų', en: 'Chinese' },
  { code: 'tl', lt: 'tagalų', en: 'Tagalog' },
  { code: 'th', lt: 'tajų', en: 'Thai' },
  { code: 'ti', lt: 'tigrinų', en: 'Tigrinya' },
  { code: 'am', lt: 'amharų', en: 'Amharic' },
  { code: 'so', lt: 'somalių', en: 'Somali' },
  { code: 'sq', lt: 'albanų', en: 'Albanian' },
  { code: 'sr', lt: 'serbų', en: 'Serbian' },
] as const satisfies readonly CodeEntry[];

// ---------------------------------------------------------------------------------------------
// Citizenship (ISO 3166-1 alpha-2)

/** XX = stateless, ZZ = unknown: the user-assigned codes ISO leaves to such uses. */
export const STATELESS = 'XX';
export const UNKNOWN_COUNTRY = 'ZZ';

export const EU_MEMBERS: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

/** A compact list for pickers (EU, neighbours, common countries of origin); any code is valid. */
export const COUNTRIES = [
  { code: 'LT', lt: 'Lietuva', en: 'Lithuania' },
  { code: 'LV', lt: 'Latvija', en: 'Latvia' },
  { code: 'EE', lt: 'Estija', en: 'Estonia' },
  { code: 'PL', lt: 'Lenkija', en: 'Poland' },
  { code: 'DE', lt: 'Vokietija', en: 'Germany' },
  { code: 'AT', lt: 'Austrija', en: 'Austria' },
  { code: 'BE', lt: 'Belgija', en: 'Belgium' },
  { code: 'BG', lt: 'Bulgarija', en: 'Bulgaria' },
  { code: 'HR', lt: 'Kroatija', en: 'Croatia' },
  { code: 'CY', lt: 'Kipras', en: 'Cyprus' },
  { code: 'CZ', lt: 'Čekija', en: 'Czechia' },
  { code: 'DK', lt: 'Danija', en: 'Denmark' },
  { code: 'FI', lt: 'Suomija', en: 'Finland' },
  { code: 'FR', lt: 'Prancūzija', en: 'France' },
  { code: 'GR', lt: 'Graikija', en: 'Greece' },
  { code: 'HU', lt: 'Vengrija', en: 'Hungary' },
  { code: 'IE', lt: 'Airija', en: 'Ireland' },
  { code: 'IT', lt: 'Italija', en: 'Italy' },
  { code: 'LU', lt: 'Liuksemburgas', en: 'Luxembourg' },
  { code: 'MT', lt: 'Malta', en: 'Malta' },
  { code: 'NL', lt: 'Nyderlandai', en: 'Netherlands' },
  { code: 'PT', lt: 'Portugalija', en: 'Portugal' },
  { code: 'RO', lt: 'Rumunija', en: 'Romania' },
  { code: 'SK', lt: 'Slovakija', en: 'Slovakia' },
  { code: 'SI', lt: 'Slovėnija', en: 'Slovenia' },
  { code: 'ES', lt: 'Ispanija', en: 'Spain' },
  { code: 'SE', lt: 'Švedija', en: 'Sweden' },
  { code: 'NO', lt: 'Norvegija', en: 'Norway' },
  { code: 'IS', lt: 'Islandija', en: 'Iceland' },
  { code: 'LI', lt: 'Lichtenšteinas', en: 'Liechtenstein' },
  { code: 'CH', lt: 'Šveicarija', en: 'Switzerland' },
  { code: 'GB', lt: 'Jungtinė Karalystė', en: 'United Kingdom' },
  { code: 'UA', lt: 'Ukraina', en: 'Ukraine' },
  { code: 'BY', lt: 'Baltarusija', en: 'Belarus' },
  { code: 'RU', lt: 'Rusija', en: 'Russia' },
  { code: 'MD', lt: 'Moldova', en: 'Moldova' },
  { code: 'GE', lt: 'Sakartvelas', en: 'Georgia' },
  { code: 'AM', lt: 'Armėnija', en: 'Armenia' },
  { code: 'AZ', lt: 'Azerbaidžanas', en: 'Azerbaijan' },
  { code: 'KZ', lt: 'Kazachstanas', en: 'Kazakhstan' },
  { code: 'UZ', lt: 'Uzbekistanas', en: 'Uzbekistan' },
  { code: 'TJ', lt: 'Tadžikistanas', en: 'Tajikistan' },
  { code: 'KG', lt: 'Kirgizija', en: 'Kyrgyzstan' },
  { code: 'TM', lt: 'Turkmėnistanas', en: 'Turkmenistan' },
  { code: 'TR', lt: 'Turkija', en: 'Türkiye' },
  { code: 'AL', lt: 'Albanija', en: 'Albania' },
  { code: 'RS', lt: 'Serbija', en: 'Serbia' },
  { code: 'BA', lt: 'Bosnija ir Hercegovina', en: 'Bosnia and Herzegovina' },
  { code: 'ME', lt: 'Juodkalnija', en: 'Montenegro' },
  { code: 'MK', lt: 'Šiaurės Makedonija', en: 'North Macedonia' },
  { code: 'XK', lt: 'Kosovas', en: 'Kosovo' },
  { code: 'VN', lt: 'Vietnamas', en: 'Viet Nam' },
  { code: 'CN', lt: 'Kinija', en: 'China' },
  { code: 'IN', lt: 'Indija', en: 'India' },
  { code: 'PK', lt: 'Pakistanas', en: 'Pakistan' },
  { code: 'BD', lt: 'Bangladešas', en: 'Bangladesh' },
  { code: 'LK', lt: 'Šri Lanka', en: 'Sri Lanka' },
  { code: 'NP', lt: 'Nepalas', en: 'Nepal' },
  { code: 'PH', lt: 'Filipinai', en: 'Philippines' },
  { code: 'TH', lt: 'Tailandas', en: 'Thailand' },
  { code: 'ID', lt: 'Indonezija', en: 'Indonesia' },
  { code: 'MN', lt: 'Mongolija', en: 'Mongolia' },
  { code: 'AF', lt: 'Afganistanas', en: 'Afghanistan' },
  { code: 'IR', lt: 'Iranas', en: 'Iran' },
  { code: 'IQ', lt: 'Irakas', en: 'Iraq' },
  { code: 'SY', lt: 'Sirija', en: 'Syria' },
  { code: 'EG', lt: 'Egiptas', en: 'Egypt' },
  { code: 'MA', lt: 'Marokas', en: 'Morocco' },
  { code: 'DZ', lt: 'Alžyras', en: 'Algeria' },
  { code: 'TN', lt: 'Tunisas', en: 'Tunisia' },
  { code: 'NG', lt: 'Nigerija', en: 'Nigeria' },
  { code: 'GH', lt: 'Gana', en: 'Ghana' },
  { code: 'CM', lt: 'Kamerūnas', en: 'Cameroon' },
  { code: 'ER', lt: 'Eritrėja', en: 'Eritrea' },
  { code: 'ET', lt: 'Etiopija', en: 'Ethiopia' },
  { code: 'SO', lt: 'Somalis', en: 'Somalia' },
  { code: 'US', lt: 'Jungtinės Amerikos Valstijos', en: 'United States' },
  { code: 'CA', lt: 'Kanada', en: 'Canada' },
  { code: 'BR', lt: 'Brazilija', en: 'Brazil' },
  { code: 'CO', lt: 'Kolumbija', en: 'Colombia' },
  { code: STATELESS, lt: 'Be pilietybės', en: 'Stateless' },
  { code: UNKNOWN_COUNTRY, lt: 'Nežinoma', en: 'Unknown' },
] as const satisfies readonly CodeEntry[];

export type CitizenshipStats = 'NAT' | 'EU_FOR' | 'NEU_FOR' | 'STLS' | '_U';

/**
 * The CITIZENSHIP dimension of one person with citizenships `codes`, seen from the
 * organisation's country. A person holding the own country's citizenship counts as national,
 * else an EU citizenship wins over a third country; no known citizenship is unknown.
 */
export function citizenshipStats(codes: readonly string[], orgCountry = 'LT'): CitizenshipStats {
  if (codes.includes(orgCountry)) return 'NAT';
  if (codes.some((c) => EU_MEMBERS.includes(c))) return 'EU_FOR';
  if (codes.some((c) => c !== STATELESS && c !== UNKNOWN_COUNTRY)) return 'NEU_FOR';
  if (codes.includes(STATELESS)) return 'STLS';
  return '_U';
}

// ---------------------------------------------------------------------------------------------
// Status and identification

export const VICTIM_STATUSES = [
  { code: 'AT_RISK', lt: 'Rizikos grupės asmuo', en: 'Person at risk', stats: 'AT_RISK' },
  { code: 'PRESUMED', lt: 'Tikėtina prekybos žmonėmis auka', en: 'Presumed victim', stats: 'VOT_PRES' },
  { code: 'IDENTIFIED', lt: 'Pripažinta prekybos žmonėmis auka', en: 'Formally identified victim', stats: 'VOT_IDENT' },
  { code: 'NOT_VICTIM', lt: 'Nėra prekybos žmonėmis auka', en: 'Not a victim', stats: null },
] as const satisfies readonly (CodeEntry & { stats: 'AT_RISK' | 'VOT_PRES' | 'VOT_IDENT' | null })[];
export const VictimStatus = enumOf(VICTIM_STATUSES);
export type VictimStatus = z.infer<typeof VictimStatus>;

/** The first identifier: who brought the person to the NGO; REFERRAL dimension in `stats`. */
export const REFERRAL_SOURCES = [
  { code: 'POLICE', lt: 'Policija', en: 'Police', stats: 'POLICE' },
  { code: 'BORDER_GUARD', lt: 'Valstybės sienos apsaugos tarnyba', en: 'State Border Guard', stats: 'BORDER' },
  { code: 'LABOUR_INSPECTORATE', lt: 'Valstybinė darbo inspekcija', en: 'Labour inspectorate', stats: 'LABOUR_INSP' },
  { code: 'CONSULATE', lt: 'Konsulinė įstaiga', en: 'Consulate', stats: 'CONSULAR' },
  { code: 'MUNICIPALITY', lt: 'Savivaldybė', en: 'Municipality', stats: 'OTHER' },
  { code: 'CHILD_RIGHTS', lt: 'Vaiko teisių apsaugos tarnyba', en: 'Child-rights service', stats: 'OTHER' },
  { code: 'NGO', lt: 'Kita nevyriausybinė organizacija', en: 'Other NGO', stats: 'NGO' },
  { code: 'SELF', lt: 'Kreipėsi pats asmuo', en: 'Self-referral', stats: 'SELF' },
  { code: 'OTHER', lt: 'Kita', en: 'Other', stats: 'OTHER' },
] as const satisfies readonly (CodeEntry & {
  stats: 'POLICE' | 'BORDER' | 'LABOUR_INSP' | 'CONSULAR' | 'NGO' | 'SELF' | 'OTHER';
})[];
export const ReferralSource = enumOf(REFERRAL_SOURCES);
export type ReferralSource = z.infer<typeof ReferralSource>;

export const REFLECTION_OUTCOMES = [
  { code: 'ONGOING', lt: 'Tebesitęsia', en: 'Ongoing' },
  {
    code: 'COOPERATING',
    lt: 'Nusprendė bendradarbiauti su teisėsauga',
    en: 'Decided to cooperate with the authorities',
  },
  { code: 'NOT_COOPERATING', lt: 'Nusprendė nebendradarbiauti', en: 'Decided not to cooperate' },
  { code: 'RETURNED', lt: 'Grįžo į kilmės šalį', en: 'Returned to country of origin' },
  { code: 'LOST_CONTACT', lt: 'Nutrūko ryšys', en: 'Contact lost' },
  { code: 'OTHER', lt: 'Kita', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export const ReflectionOutcome = enumOf(REFLECTION_OUTCOMES);
export type ReflectionOutcome = z.infer<typeof ReflectionOutcome>;

/** CETS 197 art. 13: at least 30 days. */
export const REFLECTION_MIN_DAYS = 30;

export const RESIDENCE_PERMIT_STATUSES = [
  { code: 'NOT_APPLICABLE', lt: 'Netaikoma (ES ar EEE pilietis)', en: 'Not applicable (EU/EEA citizen)' },
  { code: 'NONE', lt: 'Neturi leidimo', en: 'No permit' },
  { code: 'APPLIED', lt: 'Pateiktas prašymas', en: 'Applied' },
  {
    code: 'TEMPORARY_VICTIM',
    lt: 'Laikinas leidimas gyventi prekybos žmonėmis aukai',
    en: 'Temporary permit for victims of trafficking',
  },
  { code: 'TEMPORARY_OTHER', lt: 'Kitas laikinas leidimas gyventi', en: 'Other temporary permit' },
  { code: 'PERMANENT', lt: 'Leidimas nuolat gyventi', en: 'Permanent residence' },
  { code: 'REFUSED', lt: 'Atsisakyta išduoti', en: 'Refused' },
  { code: 'EXPIRED', lt: 'Galiojimas pasibaigė', en: 'Expired' },
  { code: 'UNKNOWN', lt: 'Nežinoma', en: 'Unknown' },
] as const satisfies readonly CodeEntry[];
export const ResidencePermitStatus = enumOf(RESIDENCE_PERMIT_STATUSES);
export type ResidencePermitStatus = z.infer<typeof ResidencePermitStatus>;

// ---------------------------------------------------------------------------------------------
// Consent and data protection

export const CONSENT_GIVERS = [
  { code: 'PERSON', lt: 'Pats asmuo', en: 'The person' },
  { code: 'GUARDIAN', lt: 'Globėjas ar įstatyminis atstovas', en: 'Guardian or legal representative' },
] as const satisfies readonly CodeEntry[];
export const ConsentGiver = enumOf(CONSENT_GIVERS);
export type ConsentGiver = z.infer<typeof ConsentGiver>;

/** Institutions information may go to (consents, referrals, notifications, withholding). */
export const RECIPIENT_CATEGORIES = [
  { code: 'OWN_ORGANISATION', lt: 'Mūsų organizacija', en: 'Our organisation' },
  { code: 'POLICE', lt: 'Policija', en: 'Police' },
  { code: 'PROSECUTOR', lt: 'Prokuratūra', en: 'Prosecutor' },
  { code: 'COURT', lt: 'Teismas', en: 'Court' },
  { code: 'BORDER_GUARD', lt: 'Valstybės sienos apsaugos tarnyba', en: 'State Border Guard' },
  { code: 'LABOUR_INSPECTORATE', lt: 'Valstybinė darbo inspekcija', en: 'Labour inspectorate' },
  { code: 'MIGRATION', lt: 'Migracijos departamentas', en: 'Migration department' },
  { code: 'MUNICIPALITY', lt: 'Savivaldybė', en: 'Municipality' },
  { code: 'CHILD_RIGHTS', lt: 'Vaiko teisių apsaugos tarnyba', en: 'Child-rights service' },
  { code: 'CONSULATE', lt: 'Konsulinė įstaiga', en: 'Consulate' },
  { code: 'NGO', lt: 'Kita nevyriausybinė organizacija', en: 'Other NGO' },
  { code: 'HEALTH_CARE', lt: 'Sveikatos priežiūros įstaiga', en: 'Health care' },
  { code: 'EMPLOYMENT_SERVICE', lt: 'Užimtumo tarnyba', en: 'Employment service' },
  { code: 'LEGAL_AID', lt: 'Advokatas ar teisinės pagalbos tarnyba', en: 'Lawyer or legal aid service' },
  { code: 'MINISTRY_STATISTICS', lt: 'Ministerija (statistika)', en: 'Ministry (statistics)' },
  { code: 'FAMILY', lt: 'Šeimos nariai', en: 'Family members' },
  { code: 'OTHER', lt: 'Kita', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export const RecipientCategory = enumOf(RECIPIENT_CATEGORIES);
export type RecipientCategory = z.infer<typeof RecipientCategory>;

export const CONSENT_PURPOSES = [
  { code: 'ASSISTANCE', lt: 'Pagalbos teikimas', en: 'Providing assistance' },
  { code: 'REFERRAL', lt: 'Nukreipimas į paslaugas', en: 'Referral to services' },
  { code: 'IDENTIFICATION', lt: 'Aukos statuso nustatymas', en: 'Identification as a victim' },
  { code: 'CRIMINAL_PROCEEDINGS', lt: 'Baudžiamasis procesas', en: 'Criminal proceedings' },
  { code: 'RESIDENCE_PERMIT', lt: 'Leidimo gyventi procedūra', en: 'Residence permit procedure' },
  { code: 'CHILD_PROTECTION', lt: 'Vaiko teisių apsauga', en: 'Child protection' },
  { code: 'RETURN', lt: 'Grįžimas ir reintegracija', en: 'Return and reintegration' },
  { code: 'COMPENSATION', lt: 'Kompensacijos siekimas', en: 'Compensation claim' },
  { code: 'STATISTICS', lt: 'Statistinės ataskaitos', en: 'Statistical reporting' },
  { code: 'OTHER', lt: 'Kita', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export const ConsentPurpose = enumOf(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/**
 * What a consent to share (or a withholding rule) covers, as categories of the case record.
 * Every field of the record belongs to one category (src/core/summary/consent.ts holds the
 * map), so a consent names exactly what may leave the organisation.
 */
export const DATA_CATEGORIES = [
  {
    code: 'IDENTITY_BASIC',
    lt: 'Asmens duomenys: vardas, pavardė, gimimo data, lytis, pilietybė, kalbos',
    en: 'Identity: names, date of birth, sex, citizenship, languages',
  },
  {
    code: 'IDENTITY_CONTACT',
    lt: 'Kontaktai: telefonas, el. paštas, adresas',
    en: 'Contact details: phone, email, address',
  },
  { code: 'DOCUMENTS', lt: 'Asmens dokumentai', en: 'Identity documents' },
  {
    code: 'FAMILY',
    lt: 'Kiti asmenys: vaikai, globėjas ar atstovas',
    en: 'Other people: children, guardian or representative',
  },
  {
    code: 'STATUS',
    lt: 'Aukos statusas, nustatymas, apmąstymo laikotarpis, leidimas gyventi',
    en: 'Victim status, identification, reflection period, residence permit',
  },
  {
    code: 'EXPLOITATION',
    lt: 'Prekybos žmonėmis patirtis: formos, laikotarpis, vietos, priemonės',
    en: 'Trafficking experience: forms, period, places, means',
  },
  {
    code: 'HEALTH',
    lt: 'Vertinimai: sveikatos, psichologinis, poreikių, rizikos',
    en: 'Assessments: health, psychological, needs, risk',
  },
  { code: 'ASSISTANCE', lt: 'Pagalba: paslaugos ir pagalbos planas', en: 'Assistance: services and support plan' },
  { code: 'RIGHTS', lt: 'Informavimas apie teises', en: 'Information on rights' },
  { code: 'REFERRALS', lt: 'Nukreipimai ir pranešimai', en: 'Referrals and notifications' },
  { code: 'CRIMINAL_JUSTICE', lt: 'Baudžiamasis procesas', en: 'Criminal proceedings' },
  { code: 'NOTES', lt: 'Pastabos', en: 'Notes' },
  {
    code: 'DATA_PROTECTION',
    lt: 'Sutikimai ir duomenų tvarkymo pagrindai',
    en: 'Consents and legal bases for processing',
  },
  {
    code: 'CASE_MANAGEMENT',
    lt: 'Bylos tvarkymas: atidarymo data, žymos, peržiūros data',
    en: 'Case management: opening date, flags, review date',
  },
] as const satisfies readonly CodeEntry[];
export const DataCategory = enumOf(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;

export const GDPR_LEGAL_BASES = [
  { code: 'ART6_1_A', article: '6(1)(a)', lt: 'BDAR 6 str. 1 d. a p. – sutikimas', en: 'GDPR art. 6(1)(a) – consent' },
  {
    code: 'ART6_1_B',
    article: '6(1)(b)',
    lt: 'BDAR 6 str. 1 d. b p. – sutarties vykdymas',
    en: 'GDPR art. 6(1)(b) – contract',
  },
  {
    code: 'ART6_1_C',
    article: '6(1)(c)',
    lt: 'BDAR 6 str. 1 d. c p. – teisinė prievolė',
    en: 'GDPR art. 6(1)(c) – legal obligation',
  },
  {
    code: 'ART6_1_D',
    article: '6(1)(d)',
    lt: 'BDAR 6 str. 1 d. d p. – gyvybiniai interesai',
    en: 'GDPR art. 6(1)(d) – vital interests',
  },
  {
    code: 'ART6_1_E',
    article: '6(1)(e)',
    lt: 'BDAR 6 str. 1 d. e p. – viešasis interesas ar viešosios valdžios funkcijos',
    en: 'GDPR art. 6(1)(e) – public interest or official authority',
  },
  {
    code: 'ART6_1_F',
    article: '6(1)(f)',
    lt: 'BDAR 6 str. 1 d. f p. – teisėti interesai',
    en: 'GDPR art. 6(1)(f) – legitimate interests',
  },
  {
    code: 'ART9_2_A',
    article: '9(2)(a)',
    lt: 'BDAR 9 str. 2 d. a p. – aiškus sutikimas',
    en: 'GDPR art. 9(2)(a) – explicit consent',
  },
  {
    code: 'ART9_2_B',
    article: '9(2)(b)',
    lt: 'BDAR 9 str. 2 d. b p. – darbo ir socialinės apsaugos teisė',
    en: 'GDPR art. 9(2)(b) – employment and social protection law',
  },
  {
    code: 'ART9_2_C',
    article: '9(2)(c)',
    lt: 'BDAR 9 str. 2 d. c p. – gyvybiniai interesai, kai asmuo negali duoti sutikimo',
    en: 'GDPR art. 9(2)(c) – vital interests where consent cannot be given',
  },
  {
    code: 'ART9_2_D',
    article: '9(2)(d)',
    lt: 'BDAR 9 str. 2 d. d p. – ne pelno organizacijos teisėta veikla',
    en: 'GDPR art. 9(2)(d) – not-for-profit body',
  },
  {
    code: 'ART9_2_E',
    article: '9(2)(e)',
    lt: 'BDAR 9 str. 2 d. e p. – asmens paties viešai paskelbti duomenys',
    en: 'GDPR art. 9(2)(e) – made public by the person',
  },
  {
    code: 'ART9_2_F',
    article: '9(2)(f)',
    lt: 'BDAR 9 str. 2 d. f p. – teisiniai reikalavimai ir teismai',
    en: 'GDPR art. 9(2)(f) – legal claims and courts',
  },
  {
    code: 'ART9_2_G',
    article: '9(2)(g)',
    lt: 'BDAR 9 str. 2 d. g p. – svarbus viešasis interesas',
    en: 'GDPR art. 9(2)(g) – substantial public interest',
  },
  {
    code: 'ART9_2_H',
    article: '9(2)(h)',
    lt: 'BDAR 9 str. 2 d. h p. – sveikatos ar socialinė priežiūra',
    en: 'GDPR art. 9(2)(h) – health or social care',
  },
  {
    code: 'ART9_2_I',
    article: '9(2)(i)',
    lt: 'BDAR 9 str. 2 d. i p. – visuomenės sveikata',
    en: 'GDPR art. 9(2)(i) – public health',
  },
  {
    code: 'ART9_2_J',
    article: '9(2)(j)',
    lt: 'BDAR 9 str. 2 d. j p. – archyvavimas, moksliniai tyrimai ar statistika',
    en: 'GDPR art. 9(2)(j) – archiving, research or statistics',
  },
] as const satisfies readonly (CodeEntry & { article: string })[];
export const GdprLegalBasis = enumOf(GDPR_LEGAL_BASES);
export type GdprLegalBasis = z.infer<typeof GdprLegalBasis>;

// ---------------------------------------------------------------------------------------------
// Assistance

/** `stats` is the SERVICE group of statistics.md. */
export const SERVICES = [
  { code: 'CRISIS_INTERVENTION', lt: 'Krizių intervencija', en: 'Crisis intervention', stats: 'PSYCH' },
  { code: 'ACCOMMODATION', lt: 'Saugus apgyvendinimas', en: 'Safe accommodation', stats: 'HOUSING' },
  {
    code: 'MATERIAL',
    lt: 'Materialinė ir finansinė pagalba',
    en: 'Material and financial assistance',
    stats: 'MATERIAL',
  },
  { code: 'MEDICAL', lt: 'Medicininė pagalba', en: 'Medical care', stats: 'MEDICAL' },
  { code: 'PSYCHOLOGICAL', lt: 'Psichologinė pagalba', en: 'Psychological assistance', stats: 'PSYCH' },
  { code: 'SOCIAL_COUNSELLING', lt: 'Socialinis konsultavimas', en: 'Social counselling', stats: 'SOCIAL' },
  {
    code: 'LEGAL',
    lt: 'Teisinis konsultavimas ir atstovavimas',
    en: 'Legal counselling and representation',
    stats: 'LEGAL',
  },
  { code: 'INTERPRETATION', lt: 'Vertimas žodžiu ir raštu', en: 'Interpretation and translation', stats: 'SOCIAL' },
  { code: 'RIGHTS_INFORMATION', lt: 'Informavimas apie teises', en: 'Information on rights', stats: 'LEGAL' },
  {
    code: 'ACCOMPANIMENT',
    lt: 'Lydėjimas į policiją, prokuratūrą ar teismą',
    en: 'Accompaniment to police, prosecutor or court',
    stats: 'LEGAL',
  },
  { code: 'DOCUMENTS', lt: 'Pagalba tvarkant dokumentus', en: 'Help with documents', stats: 'SOCIAL' },
  { code: 'EDUCATION', lt: 'Švietimas ir mokymai', en: 'Education and training', stats: 'EMPLOY_EDU' },
  { code: 'EMPLOYMENT', lt: 'Pagalba įsidarbinant', en: 'Employment support', stats: 'EMPLOY_EDU' },
  {
    code: 'FAMILY',
    lt: 'Šeimos susijungimas ar tarpininkavimas',
    en: 'Family reunification or mediation',
    stats: 'SOCIAL',
  },
  {
    code: 'RETURN',
    lt: 'Savanoriškas grįžimas ir reintegracija',
    en: 'Voluntary return and reintegration',
    stats: 'RETURN',
  },
  { code: 'COMPENSATION', lt: 'Pagalba siekiant kompensacijos', en: 'Compensation claim support', stats: 'LEGAL' },
  { code: 'CHILD_SERVICES', lt: 'Paslaugos vaikams', en: 'Child-specific services', stats: 'SOCIAL' },
  { code: 'OTHER', lt: 'Kita paslauga', en: 'Other service', stats: 'OTHER' },
] as const satisfies readonly (CodeEntry & {
  stats: 'PSYCH' | 'MEDICAL' | 'HOUSING' | 'LEGAL' | 'SOCIAL' | 'EMPLOY_EDU' | 'RETURN' | 'MATERIAL' | 'OTHER';
})[];
export const ServiceType = enumOf(SERVICES);
export type ServiceType = z.infer<typeof ServiceType>;

export const SERVICE_STATUSES = [
  { code: 'REFERRED', lt: 'Nukreipta', en: 'Referred' },
  { code: 'PROVIDED', lt: 'Suteikta mūsų organizacijos', en: 'Provided by us' },
  { code: 'RECEIVED_ELSEWHERE', lt: 'Gauta kitur', en: 'Received elsewhere' },
  { code: 'DECLINED', lt: 'Asmuo atsisakė', en: 'Declined' },
  { code: 'UNAVAILABLE', lt: 'Paslauga neprieinama', en: 'Unavailable' },
] as const satisfies readonly CodeEntry[];
export const ServiceStatus = enumOf(SERVICE_STATUSES);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

export const ASSESSMENT_TYPES = [
  { code: 'NEEDS', lt: 'Poreikių vertinimas', en: 'Needs assessment' },
  { code: 'RISK', lt: 'Rizikos vertinimas', en: 'Risk assessment' },
  { code: 'SAFETY', lt: 'Saugumo vertinimas', en: 'Safety assessment' },
  { code: 'HEALTH', lt: 'Sveikatos būklės vertinimas', en: 'Health assessment' },
  { code: 'PSYCHOLOGICAL', lt: 'Psichologinis vertinimas', en: 'Psychological assessment' },
  {
    code: 'CHILD_BEST_INTERESTS',
    lt: 'Vaiko geriausių interesų vertinimas',
    en: 'Best interests of the child assessment',
  },
  { code: 'AGE', lt: 'Amžiaus nustatymas', en: 'Age assessment' },
  { code: 'OTHER', lt: 'Kitas vertinimas', en: 'Other assessment' },
] as const satisfies readonly CodeEntry[];
export const AssessmentType = enumOf(ASSESSMENT_TYPES);
export type AssessmentType = z.infer<typeof AssessmentType>;

export const RISK_LEVELS = [
  { code: 'LOW', lt: 'Maža', en: 'Low' },
  { code: 'MEDIUM', lt: 'Vidutinė', en: 'Medium' },
  { code: 'HIGH', lt: 'Didelė', en: 'High' },
] as const satisfies readonly CodeEntry[];
export const RiskLevel = enumOf(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

// ---------------------------------------------------------------------------------------------
// Rights information: Directive 2012/29/EU art. 4(1)(a)-(k)

export const RIGHTS_ITEMS = [
  {
    code: 'A',
    lt: 'Kokią paramą ir iš ko galima gauti (medicininę, specializuotą, psichologinę pagalbą, apgyvendinimą)',
    en: 'The type of support and from whom, including medical, specialist and psychological support and accommodation',
  },
  {
    code: 'B',
    lt: 'Kaip pranešti apie nusikaltimą ir koks nukentėjusiojo vaidmuo procese',
    en: 'How to report a criminal offence and their role in the proceedings',
  },
  {
    code: 'C',
    lt: 'Kaip ir kokiomis sąlygomis gauti apsaugą, įskaitant apsaugos priemones',
    en: 'How and under what conditions to obtain protection, including protection measures',
  },
  {
    code: 'D',
    lt: 'Kaip ir kokiomis sąlygomis gauti teisinę konsultaciją, teisinę pagalbą ar kitokį konsultavimą',
    en: 'How and under what conditions to access legal advice, legal aid and other advice',
  },
  {
    code: 'E',
    lt: 'Kaip ir kokiomis sąlygomis gauti kompensaciją',
    en: 'How and under what conditions to access compensation',
  },
  {
    code: 'F',
    lt: 'Kaip ir kokiomis sąlygomis gauti vertimo žodžiu ir raštu paslaugas',
    en: 'How and under what conditions they are entitled to interpretation and translation',
  },
  {
    code: 'G',
    lt: 'Jei gyvena kitoje valstybėje narėje – specialios priemonės ir procedūros jų interesams apsaugoti',
    en: 'If resident in another Member State, the special measures and procedures to protect their interests',
  },
  {
    code: 'H',
    lt: 'Kaip pateikti skundą, jei pažeidžiamos jų teisės',
    en: 'How to complain where their rights are not respected',
  },
  {
    code: 'I',
    lt: 'Kontaktiniai duomenys, kuriais siunčiama informacija apie jų bylą',
    en: 'Contact details for communications about their case',
  },
  { code: 'J', lt: 'Atkuriamojo teisingumo paslaugos', en: 'Available restorative justice services' },
  {
    code: 'K',
    lt: 'Kaip ir kokiomis sąlygomis atlyginamos dalyvavimo baudžiamajame procese išlaidos',
    en: 'How and under what conditions expenses of taking part in criminal proceedings are reimbursed',
  },
] as const satisfies readonly CodeEntry[];
export const RightsItem = enumOf(RIGHTS_ITEMS);
export type RightsItem = z.infer<typeof RightsItem>;

export const INFORMATION_METHODS = [
  { code: 'ORAL', lt: 'Žodžiu', en: 'Orally' },
  { code: 'WRITTEN', lt: 'Raštu', en: 'In writing' },
  { code: 'BOTH', lt: 'Žodžiu ir raštu', en: 'Orally and in writing' },
] as const satisfies readonly CodeEntry[];
export const InformationMethod = enumOf(INFORMATION_METHODS);
export type InformationMethod = z.infer<typeof InformationMethod>;

// ---------------------------------------------------------------------------------------------
// Referrals and information duties

export const REFERRAL_DIRECTIONS = [
  { code: 'OUT', lt: 'Siunčiama', en: 'Outgoing' },
  { code: 'IN', lt: 'Gaunama', en: 'Incoming' },
] as const satisfies readonly CodeEntry[];
export const ReferralDirection = enumOf(REFERRAL_DIRECTIONS);
export type ReferralDirection = z.infer<typeof ReferralDirection>;

export const REFERRAL_KINDS = [
  { code: 'REFERRAL', lt: 'Nukreipimas', en: 'Referral' },
  { code: 'NOTIFICATION', lt: 'Pranešimas', en: 'Notification' },
] as const satisfies readonly CodeEntry[];
export const ReferralKind = enumOf(REFERRAL_KINDS);
export type ReferralKind = z.infer<typeof ReferralKind>;

export const REFERRAL_STATUSES = [
  { code: 'PENDING', lt: 'Laukia', en: 'Pending' },
  { code: 'SENT', lt: 'Išsiųsta', en: 'Sent' },
  { code: 'ACKNOWLEDGED', lt: 'Gavimas patvirtintas', en: 'Acknowledged' },
  { code: 'REFUSED', lt: 'Atsisakyta', en: 'Refused' },
  { code: 'WITHDRAWN', lt: 'Atšaukta', en: 'Withdrawn' },
] as const satisfies readonly CodeEntry[];
export const ReferralStatus = enumOf(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

// ---------------------------------------------------------------------------------------------
// Criminal-justice track

export const COOPERATION_STATUSES = [
  { code: 'COOPERATING', lt: 'Bendradarbiauja su tyrimu', en: 'Cooperating with the investigation' },
  { code: 'NOT_COOPERATING', lt: 'Nebendradarbiauja', en: 'Not cooperating' },
  { code: 'UNDECIDED', lt: 'Dar nenusprendė', en: 'Undecided' },
  { code: 'NOT_ASKED', lt: 'Nebuvo klausta', en: 'Not asked' },
] as const satisfies readonly CodeEntry[];
export const CooperationStatus = enumOf(COOPERATION_STATUSES);
export type CooperationStatus = z.infer<typeof CooperationStatus>;

export const CJ_EVENT_TYPES = [
  { code: 'COMPLAINT_FILED', lt: 'Pateiktas pareiškimas ar skundas', en: 'Complaint filed' },
  { code: 'PRETRIAL_OPENED', lt: 'Pradėtas ikiteisminis tyrimas', en: 'Pre-trial investigation opened' },
  { code: 'INJURED_PARTY', lt: 'Pripažinta nukentėjusiąja', en: 'Recognised as injured party' },
  { code: 'STATEMENT', lt: 'Duoti parodymai', en: 'Statement given' },
  { code: 'PROTECTION_MEASURE', lt: 'Taikytos apsaugos priemonės', en: 'Protection measure applied' },
  { code: 'PRETRIAL_CLOSED', lt: 'Ikiteisminis tyrimas nutrauktas', en: 'Pre-trial investigation discontinued' },
  { code: 'INDICTMENT', lt: 'Byla perduota teismui', en: 'Case sent to court' },
  { code: 'HEARING', lt: 'Teismo posėdis', en: 'Court hearing' },
  { code: 'VERDICT', lt: 'Nuosprendis', en: 'Verdict' },
  { code: 'APPEAL', lt: 'Apeliacija', en: 'Appeal' },
  {
    code: 'COMPENSATION_CLAIM',
    lt: 'Pareikštas civilinis ieškinys dėl žalos atlyginimo',
    en: 'Compensation claim filed',
  },
  { code: 'COMPENSATION_AWARDED', lt: 'Priteistas žalos atlyginimas', en: 'Compensation awarded' },
  { code: 'COMPENSATION_PAID', lt: 'Žala atlyginta', en: 'Compensation paid' },
  { code: 'OTHER', lt: 'Kita', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export const CjEventType = enumOf(CJ_EVENT_TYPES);
export type CjEventType = z.infer<typeof CjEventType>;

// ---------------------------------------------------------------------------------------------
// Case management

export const CASE_STATUSES = [
  { code: 'OPEN', lt: 'Atvira', en: 'Open', htcds: 'Active' },
  { code: 'FOLLOW_UP', lt: 'Stebėsena', en: 'Follow-up', htcds: 'FollowUp' },
  { code: 'CLOSED', lt: 'Uždaryta', en: 'Closed', htcds: 'Closed' },
] as const satisfies readonly (CodeEntry & { htcds: string })[];
export const CaseStatus = enumOf(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CLOSURE_REASONS = [
  { code: 'GOALS_ACHIEVED', lt: 'Pagalbos tikslai pasiekti', en: 'Support goals achieved' },
  {
    code: 'REFERRED',
    lt: 'Perduota kitai organizacijai',
    en: 'Referred to another organisation',
    htcds: 'ClosedReferred',
  },
  { code: 'RETURNED', lt: 'Grįžo į kilmės šalį', en: 'Returned to country of origin' },
  { code: 'MOVED_AWAY', lt: 'Išvyko', en: 'Moved away' },
  { code: 'DECLINED', lt: 'Atsisakė pagalbos', en: 'Declined assistance' },
  { code: 'LOST_CONTACT', lt: 'Nutrūko ryšys', en: 'Contact lost' },
  { code: 'NOT_VICTIM', lt: 'Nustatyta, kad nėra auka', en: 'Found not to be a victim' },
  { code: 'DECEASED', lt: 'Mirė', en: 'Deceased' },
  { code: 'OTHER', lt: 'Kita priežastis', en: 'Other reason' },
] as const satisfies readonly (CodeEntry & { htcds?: string })[];
export const ClosureReason = enumOf(CLOSURE_REASONS);
export type ClosureReason = z.infer<typeof ClosureReason>;

export const CASE_FLAGS = [
  { code: 'MINOR', lt: 'Nepilnametis', en: 'Minor' },
  { code: 'UNACCOMPANIED_MINOR', lt: 'Nelydimas nepilnametis', en: 'Unaccompanied minor' },
  { code: 'HIGH_RISK', lt: 'Didelė grėsmė saugumui', en: 'High safety risk' },
  { code: 'HEALTH_NEEDS', lt: 'Ypatingi sveikatos poreikiai', en: 'Special health needs' },
  { code: 'DISABILITY', lt: 'Negalia', en: 'Disability' },
  { code: 'PREGNANCY', lt: 'Nėštumas', en: 'Pregnancy' },
  { code: 'MEDIA_INTEREST', lt: 'Žiniasklaidos dėmesys', en: 'Media interest' },
  { code: 'OTHER', lt: 'Kita', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export const CaseFlag = enumOf(CASE_FLAGS);
export type CaseFlag = z.infer<typeof CaseFlag>;

export const CASE_SOURCES = [
  { code: 'manual', lt: 'Įvesta ranka', en: 'Entered by hand' },
  { code: 'import', lt: 'Importuota', en: 'Imported' },
  { code: 'demo', lt: 'Demonstraciniai duomenys', en: 'Demonstration data' },
] as const satisfies readonly CodeEntry[];
export const CaseSource = enumOf(CASE_SOURCES);
export type CaseSource = z.infer<typeof CaseSource>;

export const ATTACHMENT_TYPES = [
  { code: 'application/pdf', lt: 'PDF dokumentas', en: 'PDF document' },
  { code: 'image/png', lt: 'PNG paveikslėlis', en: 'PNG image' },
  { code: 'image/jpeg', lt: 'JPEG nuotrauka', en: 'JPEG photo' },
  { code: 'image/tiff', lt: 'TIFF skenuotas vaizdas', en: 'TIFF scan' },
  { code: 'image/webp', lt: 'WebP paveikslėlis', en: 'WebP image' },
] as const satisfies readonly CodeEntry[];
export const AttachmentMime = enumOf(ATTACHMENT_TYPES);
export type AttachmentMime = z.infer<typeof AttachmentMime>;
