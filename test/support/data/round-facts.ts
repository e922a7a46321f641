import type { FactValue } from '../../../server/src/domain/scoring/types';

/**
 * Facts of a resident of the sample district whose points are easy to read: full provincial points except
 * social insurance (0.5 per month, so 60 months gives the full 30), plus district points from volunteering
 * (social service: 1 per 10 hours) and from tax (1 per 2,000 yuan). Registered in the district on
 * `registered`, with one accompanying child.
 *
 * @example
 * districtFacts({ insuranceMonths: 60, volunteerHours: 100 }); // provincial 100, district 10
 */
export function districtFacts(options: {
  insuranceMonths?: number;
  volunteerHours?: number;
  taxYuan?: number;
  registered?: string;
  children?: number;
}): Record<string, FactValue> {
  return {
    birthDate: '1990-05-01',
    education: 'bachelor',
    vocational: ['qualification_level_2'],
    socialInsuranceMonths: options.insuranceMonths ?? 60,
    residenceMonths: 150,
    residenceRegistrationDate: options.registered ?? '2018-03-01',
    accompanyingChildren: options.children ?? 1,
    ...(options.volunteerHours !== undefined ? { volunteerHours: options.volunteerHours } : {}),
    ...(options.taxYuan !== undefined ? { annualTaxYuan: options.taxYuan } : {}),
  };
}
