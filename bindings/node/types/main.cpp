// heymilo_node_types [FILE]: writes bindings/node/index.d.ts (to FILE, or standard output).
#include <cstdio>
#include <fstream>
#include <iostream>

#include "typescript.hpp"

int main(int argc, char** argv) {
  const std::string text = heymilo::node_types::typescript_declarations();
  if (argc < 2) {
    std::cout << text;
    return 0;
  }
  std::ofstream file(argv[1], std::ios::binary);
  file << text;
  if (!file.flush()) {
    std::fprintf(stderr, "heymilo_node_types: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
