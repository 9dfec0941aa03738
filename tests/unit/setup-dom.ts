import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// The interface catalogues load on demand in the app; tests use both from the start.
import { loadCatalogue } from '../../src/lib/i18n';
await Promise.all([loadCatalogue('en'), loadCatalogue('ko')]);
