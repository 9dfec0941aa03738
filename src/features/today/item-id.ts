/** The DOM id of Today's card for the item `key` (a reminder's link scrolls to it). */
export const todayItemId = (key: string): string => `today-item-${key}`;
