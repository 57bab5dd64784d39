/**
 * Places a learner can search near, with their coordinates. The app talks to no geocoder (it
 * reaches only the catalogue's own api), so the list is kept here: capitals and the cities
 * where the catalogue's providers teach.
 */
export interface Place {
  name: string;
  country: string;
  lat: number;
  lng: number;
}

const RAW: [string, string, number, number][] = [
  ['Wien', 'AT', 48.2082, 16.3738], ['Graz', 'AT', 47.0707, 15.4395], ['Linz', 'AT', 48.3069, 14.2858], ['Salzburg', 'AT', 47.8095, 13.055], ['Innsbruck', 'AT', 47.2692, 11.4041],
  ['Bruxelles', 'BE', 50.8503, 4.3517], ['Gent', 'BE', 51.0543, 3.7174], ['Leuven', 'BE', 50.8798, 4.7005], ['Liège', 'BE', 50.6326, 5.5797], ['Namur', 'BE', 50.4674, 4.8718],
  ['Sofia', 'BG', 42.6977, 23.3219], ['Nicosia', 'CY', 35.1856, 33.3823], ['Praha', 'CZ', 50.0755, 14.4378],
  ['Berlin', 'DE', 52.52, 13.405], ['Bremen', 'DE', 53.0793, 8.8017], ['Freiburg', 'DE', 47.999, 7.8421], ['Hamburg', 'DE', 53.5511, 9.9937], ['Kassel', 'DE', 51.3127, 9.4797], ['Leipzig', 'DE', 51.3397, 12.3731], ['München', 'DE', 48.1351, 11.582],
  ['København', 'DK', 55.6761, 12.5683],
  ['Tallinn', 'EE', 59.437, 24.7536], ['Tartu', 'EE', 58.378, 26.729], ['Pärnu', 'EE', 58.3859, 24.4971], ['Narva', 'EE', 59.3797, 28.1791],
  ['Athina', 'GR', 37.9838, 23.7275],
  ['Madrid', 'ES', 40.4168, -3.7038], ['Bilbao', 'ES', 43.263, -2.935], ['Sevilla', 'ES', 37.3891, -5.9845], ['Valencia', 'ES', 39.4699, -0.3763], ['Zaragoza', 'ES', 41.6488, -0.8891],
  ['Helsinki', 'FI', 60.1699, 24.9384], ['Jyväskylä', 'FI', 62.2426, 25.7473], ['Oulu', 'FI', 65.0121, 25.4651], ['Tampere', 'FI', 61.4978, 23.761], ['Turku', 'FI', 60.4518, 22.2666],
  ['Paris', 'FR', 48.8566, 2.3522], ['Lille', 'FR', 50.6292, 3.0573], ['Lyon', 'FR', 45.764, 4.8357], ['Nantes', 'FR', 47.2184, -1.5536], ['Rennes', 'FR', 48.1173, -1.6778],
  ['Zagreb', 'HR', 45.815, 15.9819], ['Budapest', 'HU', 47.4979, 19.0402],
  ['Dublin', 'IE', 53.3498, -6.2603], ['Cork', 'IE', 51.8985, -8.4756], ['Galway', 'IE', 53.2707, -9.0568], ['Limerick', 'IE', 52.6638, -8.6267],
  ['Roma', 'IT', 41.9028, 12.4964], ['Bari', 'IT', 41.1171, 16.8719], ['Bologna', 'IT', 44.4949, 11.3426], ['Padova', 'IT', 45.4064, 11.8768], ['Torino', 'IT', 45.0703, 7.6869],
  ['Vilnius', 'LT', 54.6872, 25.2797], ['Luxembourg', 'LU', 49.6116, 6.1319], ['Rīga', 'LV', 56.9496, 24.1052], ['Valletta', 'MT', 35.8989, 14.5146],
  ['Amsterdam', 'NL', 52.3676, 4.9041], ['Eindhoven', 'NL', 51.4416, 5.4697], ['Groningen', 'NL', 53.2194, 6.5665], ['Leiden', 'NL', 52.1601, 4.497], ['Utrecht', 'NL', 52.0907, 5.1214],
  ['Warszawa', 'PL', 52.2297, 21.0122], ['Gdańsk', 'PL', 54.352, 18.6466], ['Kraków', 'PL', 50.0647, 19.945], ['Poznań', 'PL', 52.4064, 16.9252], ['Wrocław', 'PL', 51.1079, 17.0385],
  ['Lisboa', 'PT', 38.7223, -9.1393], ['Aveiro', 'PT', 40.6405, -8.6538], ['Braga', 'PT', 41.5454, -8.4265], ['Coimbra', 'PT', 40.2033, -8.4103], ['Porto', 'PT', 41.1579, -8.6291],
  ['București', 'RO', 44.4268, 26.1025], ['Stockholm', 'SE', 59.3293, 18.0686], ['Ljubljana', 'SI', 46.0569, 14.5058], ['Bratislava', 'SK', 48.1486, 17.1077],
];

export const PLACES: Place[] = RAW.map(([name, country, lat, lng]) => ({ name, country, lat, lng }));

export const RADII_KM = [10, 25, 50, 100, 250];

export function placeNamed(name: string | null | undefined): Place | undefined {
  return PLACES.find((p) => p.name === name);
}
