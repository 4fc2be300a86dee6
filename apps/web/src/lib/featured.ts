/** The book the home page features: the seed page's title (the demo data loads it). */
export const FEATURED_ISBN13 = '9780804725217';
