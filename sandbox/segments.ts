/**
 * How many SMS parts a text takes, for the `Segments` field of 2018-05-01 answers (fact sheet §3).
 * GSM 03.38 text: 160 septets in one part, 153 per part when concatenated (extension characters
 * take two); anything else is UCS-2: 70 UTF-16 units, 67 per part.
 *
 * @module
 */

const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '^{}\\[~]|€\f';

/** Number of SMS parts `text` is billed as (at least 1). */
export function segmentCount(text: string): number {
  let septets = 0;
  for (const char of text) {
    if (gsmBasic.includes(char)) {
      septets += 1;
    } else if (gsmExtension.includes(char)) {
      septets += 2;
    } else {
      return parts(text.length, 70, 67);
    }
  }
  return parts(septets, 160, 153);
}

function parts(units: number, single: number, perPart: number): number {
  return units <= single ? 1 : Math.ceil(units / perPart);
}
