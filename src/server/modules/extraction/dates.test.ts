import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from './dates';

describe('parseDate', () => {
  it.each([
    ['25/12/2018', '2018-12-25'],
    ['25-12-18', '2018-12-25'],
    ['12/28/2017', '2017-12-28'],
    ['2018-03-25', '2018-03-25'],
    ['20180325', '2018-03-25'],
    ['25 MAR 2018', '2018-03-25'],
    ['25-Mar-18', '2018-03-25'],
    ['18 april 2014', '2014-04-18'],
    ['29 maart 2014', '2014-03-29'],
    ['02 Juillet 2015', '2015-07-02'],
    ['August 3, 2014', '2014-08-03'],
    ['3rd Aug 2014', '2014-08-03'],
    ['1 OGOS 2018', '2018-08-01'],
  ])('when the printed date is "%s", then it reads %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('when day and month could be swapped, then the country decides and the match is marked ambiguous', () => {
    const [uk] = findDates('03/04/2020', 'GB');
    const [us] = findDates('03/04/2020', 'US');
    expect(uk?.iso).toBe('2020-04-03');
    expect(us?.iso).toBe('2020-03-04');
    expect(uk?.ambiguous).toBe(true);
    expect(uk?.confidence).toBeLessThan(0.8);
  });

  it('when a part is above 12, then the order is certain whatever the country', () => {
    const [d] = findDates('13/04/2020', 'US');
    expect(d?.iso).toBe('2020-04-13');
    expect(d?.ambiguous).toBe(false);
  });

  it('when the date does not exist, then nothing is read', () => {
    expect(parseDate('31/02/2020')).toBeNull();
    expect(parseDate('NO 43-45-47G')).toBeNull();
  });
});
