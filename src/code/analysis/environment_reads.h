#pragma once
// Reads of environment variables (CodeFacts::envReads): `process.env.X`,
// `process.env['X']`, `const { X = 'd' } = process.env`, `os.environ['X']`,
// `os.environ.get('X', 'd')`, `os.getenv('X')`, through any name the
// environment object is bound to. Writes (`os.environ['X'] = ...`) are no
// reads.
namespace lambdalint::code::analysis {

class Analysis;

void findEnvironmentReads(Analysis& analysis);

}  // namespace lambdalint::code::analysis
