import type { SeedContext } from '@kontra/core';

export async function seedSupportDemoData(_ctx: SeedContext): Promise<void> {}
