import { anToanTruocQuayRoi } from './an-toan-truoc-quay-roi';
import { banHangAnToan } from './ban-hang-an-toan';
import { baoVeThongTin } from './bao-ve-thong-tin';
import { gameCards } from './game-cards';
import type { CourseContent } from './types';

export const courses: CourseContent[] = [banHangAnToan, baoVeThongTin, anToanTruocQuayRoi];
export { gameCards };
export type { CourseContent, GameCardContent } from './types';
