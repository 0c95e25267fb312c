// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/ another folder may not import from, and why. Each is matched by where
 * a relative import lands: from a file `depth` folders below src/, `../` `depth` times and
 * the folder's path (so src/desk/routes is never taken for src/routes).
 */
const ROOM_RULES = [
  {
    folder: 'domain',
    why: 'The domain is pure: rules only, time, ids and policies come in as arguments.',
    rooms: [
      'services',
      'storage',
      'http',
      'routes',
      'desk',
      'messages',
      'format',
      'schemas',
      'lib',
    ],
    packages: ['hono', 'hono/*', '@hono/*', 'zod', 'zod/*', '@aws-sdk/*'],
  },
  {
    folder: 'services',
    why: 'The services are framework-free: the API and the desk both call them, through no HTTP.',
    rooms: ['http', 'routes', 'desk', 'schemas', 'storage/dynamodb'],
    packages: ['hono', 'hono/*', '@hono/*', 'zod', 'zod/*', '@aws-sdk/*'],
  },
  {
    folder: 'storage',
    why: 'Storage keeps records behind its interfaces; rules live in the domain, orchestration in services.',
    rooms: ['services', 'http', 'routes', 'desk', 'messages', 'format', 'schemas'],
    packages: ['hono', 'hono/*', '@hono/*', 'zod', 'zod/*'],
  },
  {
    folder: 'messages',
    why: 'Messages and letters are pure rendering, shared with the desk only through src/format.',
    rooms: ['desk', 'services', 'storage', 'http', 'routes', 'schemas', 'lib'],
    packages: ['hono', 'hono/*', '@hono/*', 'zod', 'zod/*', '@aws-sdk/*'],
  },
  {
    folder: 'format',
    why: 'Formatting per language sits below the desk and the messages: it knows only the domain.',
    rooms: ['desk', 'messages', 'services', 'storage', 'http', 'routes', 'schemas', 'lib'],
    packages: ['hono', 'hono/*', '@hono/*', 'zod', 'zod/*', '@aws-sdk/*'],
  },
  {
    folder: 'desk',
    why: 'The desk calls the services as the API does: no storage, no API routes, no messages (their text comes from the services, their formatting from src/format).',
    rooms: ['routes', 'messages', 'storage/dynamodb', 'storage/(?!repository$)[^/]+'],
    // The records' shapes, and only them: a page shows what a service answered.
    typesOnly: ['storage/repository'],
    packages: ['@aws-sdk/*'],
  },
  {
    folder: 'routes',
    why: 'API handlers are thin: a request becomes a service call, never a storage call.',
    rooms: ['storage', 'desk', 'messages'],
    packages: ['@aws-sdk/*'],
  },
  {
    folder: 'http',
    why: 'The HTTP layer serves the routes and the desk; it knows neither, nor storage’s implementation.',
    rooms: ['routes', 'desk', 'messages', 'storage/dynamodb'],
    packages: ['@aws-sdk/*'],
  },
  {
    folder: 'schemas',
    why: 'Schemas describe the API’s resources; they read no storage and no route.',
    rooms: ['storage', 'routes', 'desk'],
    packages: ['@aws-sdk/*'],
  },
  {
    folder: 'lib',
    why: 'src/lib holds runtime helpers (crypto, encoding, bundle shims) that know no room of the app.',
    rooms: [
      'domain',
      'services',
      'storage',
      'http',
      'routes',
      'desk',
      'messages',
      'format',
      'schemas',
    ],
    packages: ['@aws-sdk/*'],
  },
];

/** The src/ files whose rooms ROOM_RULES bound, from a folder's own files to three levels deeper. */
const boundaries = ROOM_RULES.flatMap(({ folder, why, rooms, typesOnly = [], packages }) =>
  [0, 1, 2, 3].map((below) => {
    const depth = folder.split('/').length + below;
    const up = `^(?:\\.\\./){${depth}}`;
    const landing = (paths) => `${up}(?:${paths.join('|')})(?:/|$)`;
    const patterns = [
      { regex: landing(rooms), caseSensitive: true, message: why },
      ...(typesOnly.length === 0
        ? []
        : [
            {
              regex: landing(typesOnly),
              caseSensitive: true,
              allowTypeImports: true,
              message: why,
            },
          ]),
      { group: packages, message: why },
    ];
    return {
      files: [`src/${folder}/${'*/'.repeat(below)}*.{ts,tsx}`],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
    };
  }),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.wrangler',
      '.data',
      'dist',
      'test-results',
      'public',
      'src/domain/calendar/data.generated.ts',
      'src/domain/calendar/sources',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use `as const` objects, not enums.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain takes time as an argument.' },
        { object: 'Math', property: 'random', message: 'The domain takes ids as arguments.' },
      ],
      'no-restricted-globals': ['error', 'parseFloat', 'fetch'],
    },
  },
  // The rooms of src/ (ARCHITECTURE.md) and what each may not import, so they stay put.
  ...boundaries,
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);
