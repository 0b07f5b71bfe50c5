// The database schema as a list of migrations: entry i takes a file from
// user_version i to i+1. Never edit a shipped entry; append a new one.
#pragma once
#include <vector>

namespace ft {

// 'FLTR': marks a SQLite file as ours, so a foreign file is never touched.
constexpr int kApplicationId = 0x464C5452;

const std::vector<const char*>& migrations();

}  // namespace ft
