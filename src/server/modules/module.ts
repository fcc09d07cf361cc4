import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app-deps.ts';
import { type ModuleRegistry, registry } from './registry.ts';

/** A feature module: its HTTP routes and what it hangs onto the shared machinery. */
export interface QiaoModule {
  name: string;
  routes: ReadonlyArray<(deps: AppDeps) => FastifyPluginAsyncZod>;
  /** Approval outcomes, request lifecycle hooks and scheduled jobs the module owns. */
  register?(registry: ModuleRegistry): void;
}

let installed = false;

/** Lets every module register its hooks and jobs, once per process (buildApp and startJobs both call it). */
export function installModules(modules: readonly QiaoModule[]): void {
  if (installed) return;
  for (const module of modules) module.register?.(registry);
  installed = true;
}
