// Preloaded (node --require) into a profiled child: NestJS re-raises SIGTERM after closing the app,
// which would kill the process before --cpu-prof writes its profile. With this listener installed
// the re-raised signal no longer kills; the process exits normally (profile written) once the app
// has closed, or after a grace period.
process.on('SIGTERM', () => {
  setTimeout(() => process.exit(0), 5_000).unref();
});
